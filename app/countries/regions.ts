/**
 * The UN M49 regions of the Member States, in the order pages list them. Written out rather than
 * derived from the table of Member States, so that a page's script that lists the regions does
 * not carry the whole table (countries.test.ts holds the two to each other).
 */
export const regions: readonly string[] = ["Africa", "Americas", "Asia", "Europe", "Oceania"];
