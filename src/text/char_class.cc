#include "text/char_class.h"

#include <utf8proc.h>

namespace svodka {

const CharClasses& CharClasses::Get() {
  static const CharClasses* const kTable = new CharClasses();
  return *kTable;
}

namespace {

CharClass Classify(char32_t cp) {
  switch (cp) {
    case '\n':
    case '\r':
    case 0x0B:
    case 0x0C:
    case 0x85:
    case 0x2028:
    case 0x2029:
      return kCcNewline;
    case '\t':
    case 0xFEFF:
      return kCcSpace;
    case 0x00AD:
    case 0x200B:
    case 0x200C:
    case 0x200D:
    case 0x2060:
    case 0xFE0F:
    case 0xFE0E:
      return kCcMark;
    case '\'':
    case 0x2019:
    case 0x02BC:
      return kCcApostrophe;
    case '"':
    case 0x201E:
    case 0x201A:
      return kCcOpen;  // ambiguous or low quotes; the tokenizer treats '"' by context
    case '.':
    case '?':
    case '!':
    case 0x2026:
    case 0x203C:
    case 0x2047:
    case 0x2048:
    case 0x2049:
    case 0x3002:
    case 0xFF01:
    case 0xFF0E:
    case 0xFF1F:
      return kCcTerminal;
    case 0x2212:
      return kCcHyphen;
    default:
      break;
  }
  switch (utf8proc_category(static_cast<utf8proc_int32_t>(cp))) {
    case UTF8PROC_CATEGORY_LU:
    case UTF8PROC_CATEGORY_LT:
      return kCcUpper;
    case UTF8PROC_CATEGORY_LL:
      return kCcLower;
    case UTF8PROC_CATEGORY_LM:
    case UTF8PROC_CATEGORY_LO:
      return kCcLetter;
    case UTF8PROC_CATEGORY_MN:
    case UTF8PROC_CATEGORY_MC:
    case UTF8PROC_CATEGORY_ME:
    case UTF8PROC_CATEGORY_NL:
    case UTF8PROC_CATEGORY_NO:
      return kCcMark;
    case UTF8PROC_CATEGORY_ND:
      return kCcDigit;
    case UTF8PROC_CATEGORY_PC:
      return kCcConnector;
    case UTF8PROC_CATEGORY_PD:
      return kCcHyphen;
    case UTF8PROC_CATEGORY_PS:
    case UTF8PROC_CATEGORY_PI:
      return kCcOpen;
    case UTF8PROC_CATEGORY_PE:
    case UTF8PROC_CATEGORY_PF:
      return kCcClose;
    case UTF8PROC_CATEGORY_PO:
      return kCcPunct;
    case UTF8PROC_CATEGORY_SM:
    case UTF8PROC_CATEGORY_SC:
    case UTF8PROC_CATEGORY_SK:
    case UTF8PROC_CATEGORY_SO:
      return kCcSymbol;
    case UTF8PROC_CATEGORY_ZS:
    case UTF8PROC_CATEGORY_CC:
    case UTF8PROC_CATEGORY_CF:
    case UTF8PROC_CATEGORY_CS:
      return kCcSpace;
    default:
      return kCcOther;
  }
}

}  // namespace

CharClasses::CharClasses() : table_(new uint8_t[kSize]), lower_(new char16_t[kLowerSize]) {
  for (char32_t cp = 0; cp < kSize; ++cp) table_[cp] = Classify(cp);
  // Pi quotes that close in Russian typography: “ is Pi but closes „...“; » is Pf. We keep
  // Unicode's view except for the right double/single quotation marks, which close.
  table_[0x201D] = kCcClose;
  table_[0x00BB] = kCcClose;
  table_[0x00AB] = kCcOpen;
  for (char32_t cp = 0; cp < kLowerSize; ++cp) {
    utf8proc_int32_t l = utf8proc_tolower(static_cast<utf8proc_int32_t>(cp));
    lower_[cp] = l < 0x10000 ? static_cast<char16_t>(l) : static_cast<char16_t>(cp);
  }
}

}  // namespace svodka
