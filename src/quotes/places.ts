// Countries, US states and a few regions: the words that stand between a role and a name
// ("envoy to Ukraine Kurt Volker", "ambassador to Britain Liu Xiaming") and belong to the role.

const PLACE_LIST =
  'afghanistan albania algeria america angola argentina armenia australia austria azerbaijan bahrain bangladesh ' +
  'belarus belgium bolivia bosnia brazil britain bulgaria burma cambodia cameroon canada chad chile china colombia ' +
  'congo croatia cuba cyprus czechia denmark ecuador egypt england eritrea estonia ethiopia europe finland france ' +
  'georgia germany ghana greece guatemala haiti honduras hungary iceland india indonesia iran iraq ireland israel ' +
  'italy jamaica japan jordan kazakhstan kenya korea kosovo kuwait kyrgyzstan laos latvia lebanon liberia libya ' +
  'lithuania luxembourg macedonia madagascar malawi malaysia mali malta mexico moldova mongolia montenegro morocco ' +
  'mozambique myanmar namibia nepal netherlands nicaragua niger nigeria norway oman pakistan palestine panama ' +
  'paraguay peru philippines poland portugal qatar romania russia rwanda scotland senegal serbia singapore slovakia ' +
  'slovenia somalia spain sudan sweden switzerland syria taiwan tajikistan tanzania thailand tibet tunisia turkey ' +
  'turkmenistan uganda ukraine uruguay uzbekistan venezuela vietnam wales yemen zambia zimbabwe africa asia ' +
  'alabama alaska arizona arkansas california colorado connecticut delaware florida hawaii idaho illinois indiana ' +
  'iowa kansas kentucky louisiana maine maryland massachusetts michigan minnesota mississippi missouri montana ' +
  'nebraska nevada ohio oklahoma oregon pennsylvania tennessee texas utah vermont virginia washington wisconsin ' +
  'wyoming london paris moscow beijing washington tokyo berlin brussels geneva kyiv kiev jerusalem tehran baghdad ' +
  'kabul cairo delhi ottawa canberra rome madrid ankara damascus pyongyang seoul taipei hong kong nato un eu ' +
  // The last words of places of two words: New Hampshire, North Carolina, Rhode Island.
  'hampshire jersey york carolina dakota island';

export const PLACES: ReadonlySet<string> = new Set(PLACE_LIST.split(' '));
