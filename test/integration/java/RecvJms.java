// Receives what the MAS sent, the way MOSIP's registration processor consumes its response queue
// (MosipActiveMqImpl#consume): ActiveMQ OpenWire client, non-transacted AUTO_ACKNOWLEDGE session.
// Prints one line per message: <TextMessage|BytesMessage|other class> TAB <JMSCorrelationID or -> TAB
// <_AMQ_DUPL_ID property or -> TAB <base64 of the UTF-8 body>. Stops after <idle-ms> without a message.
//
// Usage (JDK 17 single-file launch; classpath from test/integration/java/recv-jms.ts):
//   java -cp $CP RecvJms.java <openwire-url> <queue> <idle-ms>
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import javax.jms.BytesMessage;
import javax.jms.Connection;
import javax.jms.Message;
import javax.jms.MessageConsumer;
import javax.jms.Session;
import javax.jms.TextMessage;
import org.apache.activemq.ActiveMQConnectionFactory;

public class RecvJms {
  public static void main(String[] args) throws Exception {
    if (args.length < 3) {
      System.err.println("usage: RecvJms <openwire-url> <queue> <idle-ms>");
      System.exit(2);
    }
    ActiveMQConnectionFactory factory = new ActiveMQConnectionFactory("failover:(" + args[0] + ")?randomize=false&maxReconnectAttempts=0");
    long idle = Long.parseLong(args[2]);
    Connection connection = factory.createConnection();
    try {
      connection.start();
      Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
      MessageConsumer consumer = session.createConsumer(session.createQueue(args[1]));
      for (;;) {
        Message m = consumer.receive(idle);
        if (m == null) break;
        String kind;
        byte[] body;
        if (m instanceof TextMessage) {
          kind = "TextMessage";
          body = ((TextMessage) m).getText().getBytes(StandardCharsets.UTF_8);
        } else if (m instanceof BytesMessage) {
          kind = "BytesMessage";
          BytesMessage b = (BytesMessage) m;
          body = new byte[(int) b.getBodyLength()];
          b.readBytes(body);
        } else {
          kind = m.getClass().getSimpleName();
          body = new byte[0];
        }
        String corr = m.getJMSCorrelationID();
        String dup = m.getStringProperty("_AMQ_DUPL_ID");
        System.out.println(kind + "\t" + (corr == null ? "-" : corr) + "\t" + (dup == null ? "-" : dup) + "\t" + Base64.getEncoder().encodeToString(body));
      }
    } finally {
      connection.close();
    }
  }
}
