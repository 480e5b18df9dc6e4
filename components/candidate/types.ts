/** The notice shown above the consent checkbox (lib/invite's consentNotice): its version goes back with the join. */
export type ConsentNotice = { locale: string; version: string; sections: { title: string; body: string }[] };

/** Who invites and for what, for the short reminder above the room and the chat. */
export type InterviewContext = { organizationName: string; jobTitle: string };
