// Official hotlines shown on the public home. Names and descriptions live in the i18n files
// under home.hotlines.<id>; numbers are data so a regency can adapt them.
export interface Hotline {
  id: "kp2mi" | "sapa" | "police" | "immigration";
  /** As people write it. */
  phone?: string;
  /** As a tel: link dials it. */
  tel?: string;
  whatsapp?: string;
  /** International form for wa.me links. */
  whatsappIntl?: string;
}

export const HOTLINES: readonly Hotline[] = [
  { id: "kp2mi", phone: "0800-1000", tel: "08001000" },
  { id: "sapa", phone: "129", tel: "129", whatsapp: "08111-129-129", whatsappIntl: "628111129129" },
  { id: "police", phone: "110", tel: "110" },
  { id: "immigration" },
];
