import type { ShippingOption, ShippingOptionView } from '../api';

/** The option checkout sends: the one picked if the address is served by it, else the cheapest offered. */
export function chosenShipping(options: ShippingOptionView[] | undefined, picked: ShippingOption): ShippingOption {
  if (!options || options.length === 0 || options.some((o) => o.option === picked)) return picked;
  return options[0].option as ShippingOption;
}
