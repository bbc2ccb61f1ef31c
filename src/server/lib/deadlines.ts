// Service-level deadlines modelled on SP4N-LAPOR!: verify within 3 working days of receipt, an
// agency's first response within 5 working days of forwarding.
import { holidayDates } from "../../core/holidays-id";
import { addWorkingDays } from "./working-days";

export const VERIFY_WORKING_DAYS = 3;
export const RESPONSE_WORKING_DAYS = 5;

export class Deadlines {
  readonly holidays: ReadonlySet<string>;
  constructor(extraHolidays: readonly string[] = []) {
    this.holidays = holidayDates(extraHolidays);
  }
  verifyDue(receivedAt: Date): Date {
    return addWorkingDays(receivedAt, VERIFY_WORKING_DAYS, this.holidays);
  }
  responseDue(forwardedAt: Date): Date {
    return addWorkingDays(forwardedAt, RESPONSE_WORKING_DAYS, this.holidays);
  }
}
