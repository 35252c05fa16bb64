/**
 * Length units a driver may say for a distance, and their conversion to whole
 * millimetres (the unit of every distance in the function set). The training-data
 * generator computes its targets with the same functions, so what the normalizer writes
 * and what the model is taught always agree.
 */

export const MM_PER_INCH = 25.4;

/** Unit word -> millimetres per unit. */
export const LENGTH_UNITS: Readonly<Record<string, number>> = {
  mm: 1,
  millimeter: 1,
  millimeters: 1,
  millimetre: 1,
  millimetres: 1,
  mil: 1,
  mils: 1,
  cm: 10,
  cms: 10,
  centimeter: 10,
  centimeters: 10,
  centimetre: 10,
  centimetres: 10,
  inch: MM_PER_INCH,
  inches: MM_PER_INCH,
};

/** A distance in whole millimetres (round half up). */
export function toMillimetres(amount: number, unitWord: string): number | null {
  const factor = LENGTH_UNITS[unitWord];
  if (factor === undefined) return null;
  return Math.round(amount * factor);
}
