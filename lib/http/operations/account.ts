import { changeOwnPasswordBody } from "@/lib/users/user-schemas";
import { operation } from "../operation";

/** What every signed-in user does with their own account. */
export const accountOperations = {
  changeOwnPassword: operation({
    method: "POST",
    path: "/api/account/password",
    permission: "signedIn",
    summary:
      "Change your own password ({currentPassword, newPassword}); required after an admin set it (every other API answers 403 with code password_change_required until then). Your other sessions end; this one continues with a re-issued cookie",
    body: changeOwnPasswordBody,
    response: { status: 200 },
    duringPasswordChange: true,
  }),
};
