import { copyFor } from "./catalogues.server";
import { validationMessages } from "./validation-messages";

/** The validation messages in English, as the pages of an English-speaking user get them. */
export const englishMessages = validationMessages(copyFor("en"));
