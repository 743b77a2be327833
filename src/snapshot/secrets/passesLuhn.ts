/**
 * True when a card number (digits, with or without spaces or dashes) has 13 to 19 digits, starts like a card
 * scheme's numbers (2-6: Mastercard, Visa, Amex, Diners, Discover, JCB, UnionPay) and passes the Luhn check.
 * The scheme prefix keeps 13-digit epoch milliseconds (`17…`) from passing as cards one time in ten.
 *
 * @example
 * passesLuhn('4111 1111 1111 1111'); // true
 */
export function passesLuhn(text: string): boolean {
  const digits = text.replace(/[ -]/g, '');
  if (!/^[2-6]\d{12,18}$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let digit = digits.charCodeAt(digits.length - 1 - i) - 48;
    if (i % 2 === 1) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return sum % 10 === 0;
}
