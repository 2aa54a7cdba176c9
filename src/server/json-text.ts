/**
 * A response body that is already JSON text: the route sends it as it is, without serialising it again (see
 * registerRoute). For the hottest read, the register page, whose rows are serialised once when read.
 */
export class JsonText {
  constructor(readonly text: string) {}
}
