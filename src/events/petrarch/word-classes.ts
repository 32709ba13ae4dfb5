/** English closed-class words the dictionary coder's shallow syntax reads (upper case, Treebank tokens). */
const words = (list: string) => new Set(list.split(" "));

export const DETERMINERS = words(
  "A AN THE ITS THEIR HIS HER OUR MY YOUR THIS THESE THOSE 'S ANY SOME EACH EVERY NO",
);
export const AUXILIARIES = words(
  "IS ARE WAS WERE BE BEEN BEING AM HAS HAVE HAD HAVING WILL WOULD SHALL SHOULD CAN COULD MAY MIGHT MUST DO DOES DID WO CA N'T NOT",
);
/** Modal auxiliaries are never the event verb, even where a test dictionary lists one ("SHOULD"). */
export const MODALS = words("WILL WOULD SHALL SHOULD CAN COULD MAY MIGHT MUST");
export const BE = words("IS ARE WAS WERE BE BEEN BEING AM");
/** Words before an adjective use of a verb form ("very close"). */
export const DEGREE = words("VERY TOO SO MORE MOST LESS LEAST");
/** Adjective-looking words between a determiner and a noun use of a verb form ("a brief private visit"). */
export const ADJECTIVE = /(AL|IC|IVE|OUS|FUL|ARY|ATE|ED|NEW|BRIEF|FULL|FIRST|JOINT|FURTHER|OWN|LONG|SHORT)$/;
export const PREPOSITIONS = words(
  "TO WITH BY AT ON FOR AGAINST BETWEEN ABOUT OVER TOWARD TOWARDS INTO NEAR UNDER DURING AMONG THROUGH ACROSS AROUND UPON",
);
/** Words that link an agent to the actor it belongs to ("officials in Gondor", "the government of Gondor"). */
export const LINKS = words("OF IN FROM");
export const COORDINATORS = words("AND OR NOR ,");
/** Words that open a new clause: the subject and object searches stop there. */
export const CLAUSE_BREAKS = words(
  'AFTER BEFORE WHEN WHILE BECAUSE SINCE UNTIL WHERE WHO WHOM WHICH WHOSE ALTHOUGH THOUGH IF WHEREAS UNLESS . ; : ? ! ( ) "',
);
export const NEGATIONS = words("NOT N'T NEVER NEITHER NOR");
export const FUTURE = words("WILL WO SHALL TO");
