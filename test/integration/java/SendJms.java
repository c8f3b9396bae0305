// Sends request messages the way MOSIP's registration processor does (MosipActiveMqImpl#send):
// ActiveMQ OpenWire client, non-transacted AUTO_ACKNOWLEDGE session, persistent delivery, and a
// time-to-live when the stage's messageTTL is above 0.
//
// Usage (JDK 17 single-file launch; classpath from test/integration/helpers/send-jms.ts):
//   java -cp $CP SendJms.java <openwire-url> <queue> <text|bytes> <ttl-ms> <file>...
// Each file becomes one message; its bytes are sent unchanged (BytesMessage) or decoded as UTF-8 (TextMessage).
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.jms.BytesMessage;
import javax.jms.Connection;
import javax.jms.DeliveryMode;
import javax.jms.Message;
import javax.jms.MessageProducer;
import javax.jms.Session;
import org.apache.activemq.ActiveMQConnectionFactory;

public class SendJms {
  public static void main(String[] args) throws Exception {
    if (args.length < 5) {
      System.err.println("usage: SendJms <openwire-url> <queue> <text|bytes> <ttl-ms> <file>...");
      System.exit(2);
    }
    String url = args[0];
    String queue = args[1];
    boolean text = args[2].equals("text");
    long ttl = Long.parseLong(args[3]);
    // MOSIP wraps its broker URL like this (ManualAdjudicationStage#getQueueConnection).
    ActiveMQConnectionFactory factory = new ActiveMQConnectionFactory("failover:(" + url + ")?randomize=false&maxReconnectAttempts=0");
    Connection connection = factory.createConnection();
    try {
      connection.start();
      Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
      MessageProducer producer = session.createProducer(session.createQueue(queue));
      producer.setDeliveryMode(DeliveryMode.PERSISTENT);
      if (ttl > 0) producer.setTimeToLive(ttl);
      for (int i = 4; i < args.length; i++) {
        byte[] body = Files.readAllBytes(Path.of(args[i]));
        Message message;
        if (text) {
          message = session.createTextMessage(new String(body, StandardCharsets.UTF_8));
        } else {
          BytesMessage bytes = session.createBytesMessage();
          bytes.writeObject(body);
          message = bytes;
        }
        producer.send(message);
        System.out.println(message.getJMSMessageID() + " " + message.getJMSExpiration());
      }
    } finally {
      connection.close();
    }
  }
}
