// The `id` values MOSIP puts in (and expects back in) the queue messages.
// MA: MA/constants/ManualAdjudicationConstants.java; VS: VerificationServiceImpl (contract notes 1.1, 1.4).

export const MANUAL_ADJUDICATION_ID = "mosip.manual.adjudication.adjudicate";
export const VERIFICATION_ID = "mosip.verification.adjudicate";
