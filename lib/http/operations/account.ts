import { changeOwnPasswordBody, setUiLanguageBody } from "@/lib/users/user-schemas";
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
  setUiLanguage: operation({
    method: "PUT",
    path: "/api/account/language",
    permission: "signedIn",
    summary:
      "Choose the language of your own screens ({language}: an ISO 639-3 code among MAS_UI_LANGUAGES, else 400 with field language). Also sets the mas-ui-language cookie, so the sign-in page keeps it after sign-out",
    body: setUiLanguageBody,
    response: { status: 200 },
    duringPasswordChange: true,
  }),
};
