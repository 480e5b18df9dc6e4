// What the candidate's page reads on the server (the candidate UI consumes these).
export { consentNotice, type ConsentNotice } from "./notice";
export { voiceAvailable } from "./voice";
export { listConsents } from "./consents";
