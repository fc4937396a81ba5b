"""Grammar facts as data: scale words, numerals, currencies, counters, hedge words.

Every word the Korean and English grammars know lives here, so adding a currency, a
counter or a hedge word is one line in one table and never a change to a regex.
The grammars compile these tables into alternations once, at import time.
"""
from __future__ import annotations

from decimal import Decimal

from .model import Qualifier

# --- numerals -------------------------------------------------------------------

#: Korean large units: a group of up to four digits is multiplied by these.
KO_BIG_SCALES: dict[str, int] = {"경": 10**16, "조": 10**12, "억": 10**8, "만": 10**4}
#: Words that open with a large-unit syllable but are no unit: 1조각 is one piece, 억만장자 a billionaire.
KO_BIG_SCALE_LOOKALIKES: tuple[str, ...] = ("조각", "억만장자", "만장일치")
#: Korean small units inside a four-digit group.
KO_SMALL_SCALES: dict[str, int] = {"천": 1000, "백": 100, "십": 10}
#: Sino-Korean digits (일이삼…), including the spoken zeros.
KO_SINO_DIGITS: dict[str, int] = {
    "영": 0, "공": 0, "빵": 0, "일": 1, "이": 2, "삼": 3, "사": 4, "오": 5,
    "육": 6, "륙": 6, "칠": 7, "팔": 8, "구": 9,
}
#: Native Korean tens (열, 스물…); 스무 is the form before a counter.
KO_NATIVE_TENS: dict[str, int] = {
    "열": 10, "스물": 20, "스무": 20, "서른": 30, "마흔": 40, "쉰": 50,
    "예순": 60, "일흔": 70, "여든": 80, "아흔": 90,
}
#: Native Korean units, with the short forms used before a counter (한 명, 두 배).
KO_NATIVE_UNITS: dict[str, int] = {
    "하나": 1, "한": 1, "둘": 2, "두": 2, "셋": 3, "세": 3, "석": 3, "넷": 4, "네": 4,
    "넉": 4, "다섯": 5, "여섯": 6, "일곱": 7, "여덟": 8, "아홉": 9,
}
#: Words for "minus" before a number.
KO_MINUS: tuple[str, ...] = ("마이너스", "마이나스")
#: The spoken decimal point (일점이삼 = 1.23).
KO_POINT: tuple[str, ...] = ("점", "쩜")

EN_UNITS: dict[str, int] = {
    "zero": 0, "naught": 0, "nought": 0, "nil": 0, "one": 1, "two": 2, "three": 3,
    "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
    "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}
EN_TENS: dict[str, int] = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90,
}
#: English scale words, written out (singular and plural both accepted).
EN_SCALE_WORDS: dict[str, int] = {
    "hundred": 100, "thousand": 10**3, "million": 10**6, "billion": 10**9,
    "trillion": 10**12, "lakh": 10**5, "lakhs": 10**5, "crore": 10**7, "crores": 10**7,
    # Indian English spellings and abbreviations (30 lkh, 12 lac, three hundred Cr, koti)
    "lac": 10**5, "lkh": 10**5, "cr": 10**7, "koti": 10**7, "krore": 10**7,
}
#: Abbreviated scales written right after digits (4.4bn, $10K, 3M).
EN_SCALE_ABBREVIATIONS: dict[str, int] = {
    "k": 10**3, "thousand": 10**3, "m": 10**6, "mn": 10**6, "mln": 10**6,
    "mil": 10**6, "b": 10**9, "bn": 10**9, "bln": 10**9, "g": 10**9,
    "tn": 10**12, "trn": 10**12, "tln": 10**12,
}
#: Abbreviations that may also stand one or two spaces after the digits (1,674.5 G,
#: 10 bln, 2.33 k); written as here only, as "10 m" is ten metres and "5 g" five grams.
EN_SPACED_SCALE_ABBREVIATIONS: tuple[str, ...] = ("K", "k", "M", "G", "B", "bn", "Bn", "mn", "tn", "bln", "mln", "tln")
#: Abbreviations read only in this case, on the digits: $2.174T, US$ 1MM (5t is tonnes, 5mm millimetres).
EN_CASED_SCALE_ABBREVIATIONS: dict[str, int] = {"T": 10**12, "MM": 10**6}
#: Words meaning "a group of N" that multiply like a scale (two dozen = 24).
EN_GROUP_WORDS: dict[str, int] = {"dozens": 12, "dozen": 12, "dozs": 12, "doz": 12, "dzs": 12, "dz": 12}
EN_MINUS: tuple[str, ...] = ("minus", "negative")

# --- fractions and multiples ----------------------------------------------------

#: English denominators: a third, two-thirds, three quarters.
EN_DENOMINATORS: dict[str, int] = {
    "half": 2, "halves": 2, "third": 3, "thirds": 3, "quarter": 4, "quarters": 4,
    "fourth": 4, "fourths": 4, "fifth": 5, "fifths": 5, "sixth": 6, "sixths": 6,
    "seventh": 7, "sevenths": 7, "eighth": 8, "eighths": 8, "ninth": 9, "ninths": 9,
    "tenth": 10, "tenths": 10, "hundredth": 100, "hundredths": 100,
    "thousandth": 1000, "thousandths": 1000,
    # plural only: "the millionth visitor" and "two millionth" are ordinals
    "millionths": 10**6, "billionths": 10**9, "trillionths": 10**12,
}
#: Vulgar-fraction characters → (numerator, denominator): ½, ¾, 1½.
VULGAR_FRACTIONS: dict[str, tuple[int, int]] = {
    "½": (1, 2), "⅓": (1, 3), "⅔": (2, 3), "¼": (1, 4), "¾": (3, 4), "⅕": (1, 5),
    "⅖": (2, 5), "⅗": (3, 5), "⅘": (4, 5), "⅙": (1, 6), "⅚": (5, 6), "⅐": (1, 7),
    "⅛": (1, 8), "⅜": (3, 8), "⅝": (5, 8), "⅞": (7, 8), "⅑": (1, 9), "⅒": (1, 10),
}
#: English verbs and adjectives that state a multiple (tripled = 3×).
EN_MULTIPLE_WORDS: dict[str, int] = {
    "doubled": 2, "double": 2, "doubles": 2, "doubling": 2, "twofold": 2, "two-fold": 2, "twice": 2, "thrice": 3,
    "tripled": 3, "triple": 3, "triples": 3, "tripling": 3, "threefold": 3, "three-fold": 3,
    "quadrupled": 4, "quadruple": 4, "quadruples": 4, "quadrupling": 4, "fourfold": 4, "four-fold": 4,
    "quintupled": 5, "quintuple": 5, "quintuples": 5, "quintupling": 5, "fivefold": 5, "five-fold": 5,
    "sextupled": 6, "sextuple": 6, "sextuples": 6, "sextupling": 6, "sixfold": 6, "six-fold": 6,
    "tenfold": 10, "ten-fold": 10,
}
#: English words that state a ratio on their own (halved = 0.5 of before).
EN_RATIO_WORDS: dict[str, Decimal] = {"half": Decimal("0.5"), "halved": Decimal("0.5")}
#: Words joining "N <word> M" into the ratio N/M (one in five, 1 out of every 4, 3 over 4), and
#: whether N may not exceed M there: "8 in 5 boxes" and "closed at 4,700 in 2023" are two
#: numbers. M is never a year (see ``english._ratio_between``).
EN_RATIO_JOINERS: dict[str, bool] = {"in": True, "out of": True, "in every": True, "out of every": True,
                                     "over": False}
#: Korean words for a half.
KO_HALF_WORDS: dict[str, Decimal] = {"절반": Decimal("0.5"), "반": Decimal("0.5")}
#: Titles after 반 that make it the surname (반 총장, 반 사무총장), not one half.
KO_NAME_TITLES: tuple[str, ...] = (
    "총장", "사무총장", "전 총장", "장관", "대표", "의원", "씨", "대통령", "회장", "교수", "위원장", "후보",
    "기자", "감독", "선수", "시장", "지사", "사장", "부장", "차관", "원장",
)

# --- money ------------------------------------------------------------------------

#: Symbols and codes written before the amount ($4.4 billion, US$3, KRW 13 trillion).
CURRENCY_PREFIXES: dict[str, str] = {
    "US$": "USD", "USD$": "USD", "U.S.$": "USD", "$US": "USD", "$": "USD", "＄": "USD",
    # Australian and New Zealand papers write the country after the sign: $US5.5 billion, $A5.5 billion
    "$A": "AUD", "$AU": "AUD", "$NZ": "NZD", "$C": "CAD", "$HK": "HKD",
    "C$": "CAD", "CA$": "CAD", "CAD$": "CAD", "A$": "AUD", "AU$": "AUD", "AUD$": "AUD",
    "HK$": "HKD", "NZ$": "NZD", "NZD$": "NZD", "S$": "SGD", "NT$": "TWD", "R$": "BRL",
    "MX$": "MXN", "MXN$": "MXN", "MEX$": "MXN", "₩": "KRW", "￦": "KRW", "€": "EUR", "£": "GBP",
    "¥": "JPY", "￥": "JPY", "CN¥": "CNY", "RMB": "CNY", "₹": "INR", "Rs.": "INR",
    "Rs": "INR", "₪": "ILS", "₽": "RUB", "CHF": "CHF", "RM": "MYR",
    "KSh": "KES",  # Kenyan news: KSh10 billion, Ksh 146.5
    # the euro's name before the digits (EURO 70mn, euro18.6 million); not the football tournament
    # (Euro 2016, EURO 96): see ``english.TOURNAMENT_PREFIXES``
    "EURO": "EUR",
    # the euro sign's code point written out by a text export ("to  x20ac 43", "to (  x20ac ) 3.6 billion")
    "x20ac": "EUR", "x20ac )": "EUR",
}
#: One capital letter before digits that names a currency only where the digits are an amount, grouped
#: in thousands or scaled (R60,000, R1.3 trillion, N25,750): R2, N95 and R35 are names of models.
#: P is the Philippine peso of Philippine news (P90,078; P2.5 billion).
LETTER_CURRENCIES: dict[str, str] = {"R": "ZAR", "N": "NGN", "P": "PHP"}
#: ISO 4217 codes accepted before or after the amount (EUR 20, 115USD).
ISO_CURRENCY_CODES: tuple[str, ...] = (
    "USD", "KRW", "EUR", "JPY", "CNY", "GBP", "SEK", "CHF", "CAD", "AUD", "HKD",
    "NZD", "SGD", "TWD", "INR", "BRL", "MXN", "RUB", "NOK", "DKK", "ZAR",
    "MYR", "THB", "IDR", "VND", "PHP", "ILS", "KWD", "QAR", "SAR", "AED", "BGN",  # not TRY: an English word
    "LBP", "EGP", "UAH", "MNT", "PLN", "CZK", "HUF", "RMB",
    "EEK", "LVL", "LTL",   # the kroon, lats and litas (until 2011-2015): EEK 400mn, LVL 2,5 million in Baltic news
)
#: A scale letter glued to an ISO code (30 MUSD, MEUR 120 = 120 million euros).
CURRENCY_CODE_SCALES: dict[str, int] = {"M": 10**6}
#: Symbols written after the amount (10$, 20€, 10₩).
CURRENCY_SUFFIX_SYMBOLS: dict[str, str] = {
    "US$": "USD", "$": "USD", "€": "EUR", "£": "GBP", "₩": "KRW", "￦": "KRW",
    "¥": "JPY", "₹": "INR", "元": "CNY",
}
#: English currency names after the amount (ten dollars, 20 euros).
EN_CURRENCY_WORDS: dict[str, str] = {
    "us dollars": "USD", "us dollar": "USD", "u.s. dollars": "USD",
    "dollars": "USD", "dollar": "USD", "bucks": "USD", "buck": "USD", "euros": "EUR", "euro": "EUR", "€ur": "EUR",
    "pounds sterling": "GBP", "pounds": "GBP", "pound": "GBP", "yen": "JPY",
    "yuan": "CNY", "chinese yuan": "CNY", "renminbi": "CNY", "turkish lira": "TRY", "won": "KRW", "korean won": "KRW",
    "rupees": "INR", "rupee": "INR", "swiss francs": "CHF", "francs": "CHF",
    "kronor": "SEK", "swedish kronor": "SEK", "swedish krona": "SEK", "danish kroner": "DKK", "danish krone": "DKK",
    "norwegian kroner": "NOK", "norwegian krone": "NOK",
    "shekels": "ILS", "shekel": "ILS", "ringgit": "MYR", "ringgits": "MYR",
    "malaysian ringgit": "MYR", "malaysian ringgits": "MYR",
    "malaysia ringgit": "MYR", "malaysia ringgits": "MYR", "roubles": "RUB",
    "rubles": "RUB", "canadian dollars": "CAD", "canadian dollar": "CAD",
    "australian dollars": "AUD", "hong kong dollars": "HKD", "tugriks": "MNT",
    "tugrik": "MNT", "kuwaiti dinar": "KWD", "qatari riyals": "QAR",
    "kroons": "EEK", "kroon": "EEK",   # Estonia's alone, unlike the krone and krona (COUNTRY_CURRENCY_WORDS)
    "lats": "LVL", "litas": "LTL", "litai": "LTL",   # Latvia's and Lithuania's alone ("3.4 million lats")
}
#: Currency names the British press writes before a scaled amount ("pounds 900m", "dollars 5bn"): read
#: there only before a scale (m, bn, million…), where no weight or other noun stands ("pounds 340" is not money).
EN_CURRENCY_WORDS_BEFORE_SCALED: tuple[str, ...] = ("pounds", "dollars", "euros")
#: Currency words that also name a weight: "340 pounds", "839 pounds of fentanyl". Read as money
#: only after a scale word ("361 million pounds"); otherwise as the noun itself, with no guess of a
#: currency (a claim that means money says so in its own unit).
EN_WEIGHT_OR_MONEY_WORDS: frozenset[str] = frozenset({"pounds", "pound"})
#: The same in Korean: 파운드 is money with a scale of 만 or more (500만 파운드), as 파운드화, or
#: after £; "5파운드" alone is the weight.
KO_WEIGHT_OR_MONEY_WORDS: frozenset[str] = frozenset({"파운드"})
#: The smallest scale word after which 파운드 is money.
KO_POUND_MONEY_SCALE = 10**4
#: Currency names shared by several countries: the krone of Denmark and Norway, the krona of
#: Sweden and Iceland. Without the country (덴마크 크로네, Norwegian kroner) the currency is
#: unknown, and a value written with one alone is an error rather than a guess.
COUNTRY_CURRENCY_WORDS: tuple[str, ...] = ("크로네", "크로나", "kroner", "krone", "krona", "kronur")
#: Korean currency names after the amount (44억 달러, 13조 원). 화 (달러화) is optional.
KO_CURRENCY_WORDS: dict[str, str] = {
    "미국 달러": "USD", "미국달러": "USD", "미 달러": "USD", "미달러": "USD",
    "달러": "USD", "불": "USD", "딸라": "USD", "캐나다 달러": "CAD", "캐나다달러": "CAD",
    "호주 달러": "AUD", "호주달러": "AUD", "홍콩 달러": "HKD", "홍콩달러": "HKD",
    "대만 달러": "TWD", "싱가포르 달러": "SGD", "뉴질랜드 달러": "NZD",
    "원": "KRW", "유로": "EUR", "엔": "JPY", "위안": "CNY", "중국 위안": "CNY", "파운드": "GBP",
    "스위스 프랑": "CHF", "프랑": "CHF", "스웨덴 크로나": "SEK", "스웨덴 크로네": "SEK",
    "덴마크 크로네": "DKK", "노르웨이 크로네": "NOK",
    "루피": "INR", "루블": "RUB", "링깃": "MYR", "바트": "THB", "헤알": "BRL",
    "리라": "TRY", "랜드": "ZAR", "크로온": "EEK",   # the kroon was Estonia's alone (until 2011)
    "라트": "LVL",   # the lats, Latvia's alone (until 2014); not 라트비아, the country (KO_UNITS_OPENING_WORDS)
    "캐드": "CAD",   # "4100만 캐드": the code spelt out, as translated finance text writes it; not 캐드캠 (CAD software)
}
#: Indian scale words in Hangul after an amount the English grammar reads ("Rs40 크로어": 40 crore, 400 million
#: rupees), as "crore" is in English (EN_SCALE_WORDS). Read alone, the rupees would be a wrong amount, not a
#: rounded one.
KO_INDIAN_SCALES: dict[str, int] = {"크로어": 10**7, "크로르": 10**7}
#: Latin signs translated finance text glues after an amount ("134,700Ls였다": the lats' sign, Latvia's alone).
KO_LATIN_CURRENCY_SIGNS_AFTER: dict[str, str] = {"Ls": "LVL"}
#: Currency words written before the digits (유로 1.71): those above, and 미화 ("US money"), which
#: translated finance text writes for "US$" (미화 17.8m) but never after an amount, where it would
#: take the currency of the amount before it ("유로13.6m 미화 17.8m").
KO_CURRENCY_WORDS_BEFORE: dict[str, str] = {**KO_CURRENCY_WORDS, "미화": "USD"}

#: Subunit words after a main amount (3 dollars 50 cents, 1달러 20센트): 1/100 each.
SUBUNIT_WORDS: tuple[str, ...] = ("cents", "cent", "c", "¢", "pence", "p", "sen", "센트")

# --- percent ------------------------------------------------------------------------

#: Not 포인트 alone: "1,084.47포인트로 마감했다" is an index level in points (a counter below).
KO_PERCENT_POINT_WORDS: tuple[str, ...] = ("%포인트", "% 포인트", "%p", "%P", "퍼센트포인트", "퍼센트 포인트")
KO_PERCENT_WORDS: tuple[str, ...] = ("%", "퍼센트", "퍼센티지", "프로")
EN_PERCENT_POINT_WORDS: tuple[str, ...] = (
    "percentage points", "percentage point", "percent points", "percent point",
    "per cent points", "pct points", "pct point", "% points", "% point", "%p", "ppts",
    "ppt", "pp",
)
EN_PERCENT_WORDS: tuple[str, ...] = ("%", "percent", "per cent", "per-cent", "percents", "percentage", "pct")

# --- counters and durations ---------------------------------------------------------

#: Korean counters after a number → our counter unit.
KO_COUNTERS: dict[str, str] = {
    "명": "people", "개국": "countries", "개사": "companies", "개": "items",
    "대": "units", "건": "cases", "주": "shares", "곳": "places", "가구": "households",
    "채": "houses", "마리": "animals", "척": "ships", "권": "volumes", "회": "times",
    "차례": "times", "번": "times", "세대": "households", "장": "sheets", "포인트": "points",
    # measures: units of their own, never a money scale (36,000톤, 29,035피트, 18,000평방미터)
    "톤": "tonnes", "미터톤": "tonnes", "피트": "feet", "평방피트": "square feet", "평방미터": "square metres",
    "제곱미터": "square metres", "㎡": "square metres", "리터": "litres", "배럴": "barrels",
    "킬로그램": "kilograms", "킬로미터": "kilometres", "킬로와트": "kilowatts", "메가와트": "megawatts",
    "기가와트": "gigawatts", "그램": "grams", "밀리리터": "millilitres", "마이크로리터": "microlitres",
    "밀리미터": "millimetres", "인치": "inches", "마일": "miles", "미터": "metres",
    "베이시스 포인트": "basis points", "베이시스포인트": "basis points",   # not 포인트 alone (index points)
    "센티미터": "centimetres", "헥타르": "hectares", "에이커": "acres", "갤런": "gallons",
    # written apart (22,000 평방 미터) or as one symbol (1541만ℓ, 30㎏, 12㎞)
    "평방 미터": "square metres", "평방 피트": "square feet", "제곱 미터": "square metres",
    "ℓ": "litres", "㎏": "kilograms", "㎞": "kilometres", "㎥": "cubic metres", "세제곱미터": "cubic metres",
    "입방미터": "cubic metres",
}
#: Counters a native numeral does not take: 한 회의 is a meeting and 두 회사 two companies, never
#: "one time" or "two times" (native numerals count with 번: 한 번, 두 번).
KO_SINO_ONLY_COUNTERS: frozenset[str] = frozenset({"회"})
#: Words a native numeral glued to a counter spells (세척 washing, 세대 generation, 석회 lime):
#: written apart (세 척, 세 대) they count, glued they are words.
KO_NATIVE_LOOKALIKES: tuple[str, ...] = ("세척", "세대", "석회")
#: Nouns counted with no counter between them and the number (250여 고객, 300 가입자) → our
#: counter unit. Only nouns that name what is counted and open no longer word a number
#: precedes (not 회사, as in 300 회사채).
KO_COUNTED_NOUNS: dict[str, str] = {
    "고객사": "customers", "고객": "customers", "가입자": "subscribers", "이용자": "users", "사용자": "users",
    "업체": "companies", "기업": "companies", "매장": "stores", "점포": "stores",
}
#: English count nouns → our counter unit (employees and staff are people).
EN_COUNTERS: dict[str, str] = {
    "people": "people", "persons": "people", "person": "people",
    "employees": "people", "employee": "people", "workers": "people",
    "worker": "people", "staff": "people", "staffers": "people", "jobs": "jobs",
    "job": "jobs", "shares": "shares", "share": "shares", "units": "units",
    "unit": "units", "items": "items", "users": "users", "user": "users",
    "customers": "customers", "subscribers": "subscribers", "cases": "cases",
    "deaths": "deaths", "households": "households", "homes": "houses",
    "houses": "houses", "companies": "companies", "firms": "companies",
    "countries": "countries", "vehicles": "vehicles", "cars": "vehicles",
    "chips": "items", "gpus": "items", "times": "times",
}
#: Words that name a length (높이 6.25m, 6.25m tall): next to them a glued "m" is metres, not millions.
#: Korean ones before the number, English ones before (a height of 6.25m) or after it (6.25m tall).
KO_LENGTH_WORDS: tuple[str, ...] = (
    "높이", "길이", "폭", "깊이", "키", "거리", "지름", "직경", "반지름", "반경", "두께", "너비", "해발", "수심",
    "고도", "둘레", "전장", "전폭", "전고", "층고", "흘수",
)
EN_LENGTH_NOUNS: tuple[str, ...] = (
    "height", "length", "width", "depth", "diameter", "radius", "altitude", "elevation", "breadth", "draught",
    "thickness",
)
EN_LENGTH_ADJECTIVES: tuple[str, ...] = ("tall", "high", "long", "wide", "deep", "thick")

#: Physical units after an English number → unit, matched with their case (5 MW, 200 kW,
#: 36,000 t, 13,300 TEUs): a unit of its own, never a money scale. "m" and "g" alone stay
#: unread, as 10 m may be ten million and 5 g five billion.
EN_PHYSICAL_UNITS: dict[str, str] = {
    "tonnes": "tonnes", "tonne": "tonnes", "t": "tonnes", "metric tons": "tonnes", "metric ton": "tonnes",
    "mt": "tonnes",   # trade press: "800,000 mt" are metric tonnes (lower case; Mt is a megatonne)
    "tons": "tons", "ton": "tons", "gallons": "gallons", "gallon": "gallons",   # "a 20 gallon fill up"
    "litres": "litres", "liters": "litres", "litre": "litres", "liter": "litres", "l": "litres", "L": "litres",
    "ml": "millilitres", "mL": "millilitres", "millilitres": "millilitres", "millilitre": "millilitres",
    "milliliters": "millilitres", "milliliter": "millilitres",
    "micro litres": "microlitres", "microlitres": "microlitres", "microliters": "microlitres", "µl": "microlitres",
    "mm": "millimetres", "millimetres": "millimetres", "millimeters": "millimetres", "millimetre": "millimetres",
    "millimeter": "millimetres",
    "kilograms": "kilograms", "kilogram": "kilograms", "kg": "kilograms", "kilos": "kilograms",
    "kilometres": "kilometres", "kilometers": "kilometres", "kilometre": "kilometres",
    "kilometer": "kilometres", "km": "kilometres", "Km": "kilometres", "feet": "feet", "foot": "feet", "ft": "feet",
    "square metres": "square metres", "square meters": "square metres", "sq m": "square metres",
    "sq. m": "square metres", "sq. metres": "square metres", "sq metres": "square metres",
    "sqm": "square metres", "m²": "square metres", "m2": "square metres",
    "square feet": "square feet", "sq ft": "square feet", "sq. ft": "square feet",
    "cubic metres": "cubic metres", "cubic meters": "cubic metres", "m³": "cubic metres", "m3": "cubic metres",
    "kW": "kilowatts", "MW": "megawatts", "GW": "gigawatts", "kilowatts": "kilowatts",
    "megawatts": "megawatts", "gigawatts": "gigawatts", "kWh": "kilowatt hours",
    "MWh": "megawatt hours", "GWh": "gigawatt hours", "TWh": "terawatt hours",
    "MHz": "megahertz", "GHz": "gigahertz", "TEU": "teus", "TEUs": "teus", "bbl": "barrels",
    "dwt": "deadweight tonnes",
    "TB": "terabytes", "terabytes": "terabytes", "GB": "gigabytes", "gigabytes": "gigabytes",
    "MP": "megapixels", "megapixels": "megapixels", "megapixel": "megapixels",   # a 12MP camera (12 MPs are MPs)
}
#: Capitalised plurals counted as written, beyond a people's name in -ans ("250 Texans"): members of a
#: party or faith ("seven Democrats"), and the fact-checker's rating ("four Pinocchios").
EN_CAPITALISED_COUNT_NOUNS: tuple[str, ...] = (
    "Democrats", "Tories", "Muslims", "Jews", "Hindus", "Sikhs", "Buddhists", "Catholics", "Protestants",
    "Mormons", "Marines", "Pinocchios",
)
#: Lower-case words ending in -s after a number that are no count noun ("5 was", "2 plus").
#: Any other such word is an open-class count: "500 stores" counts stores.
EN_NOT_COUNT_NOUNS: frozenset[str] = frozenset({
    "is", "was", "has", "does", "says", "means", "remains", "seems", "goes", "makes", "takes",
    "gives", "shows", "comes", "its", "his", "hers", "ours", "yours", "theirs", "this", "thus",
    "plus", "less", "unless", "across", "versus", "minus", "besides", "towards", "afterwards",
    "always", "perhaps", "whereas", "sometimes", "news", "series", "means", "as", "us", "yes",
})

#: Korean duration words → unit. 주 (weeks) only with a duration marker, see korean.py.
KO_DURATIONS: dict[str, str] = {
    "개월": "months", "달": "months", "년": "years", "일": "days", "시간": "hours",
    "분": "minutes", "초": "seconds", "주일": "weeks",
}
#: Words after "N주" that make it weeks rather than shares (3주 동안).
KO_WEEK_MARKERS: tuple[str, ...] = ("동안", "간", "만에", "만", "째", "뒤", "후", "전", "이내")
EN_DURATIONS: dict[str, str] = {
    "seconds": "seconds", "second": "seconds", "secs": "seconds", "minutes": "minutes",
    "minute": "minutes", "mins": "minutes", "hours": "hours", "hour": "hours",
    "days": "days", "day": "days", "weeks": "weeks", "week": "weeks",
    "months": "months", "month": "months", "years": "years", "year": "years",
    "decades": "decades", "decade": "decades", "centuries": "centuries", "century": "centuries",
}

# --- dates --------------------------------------------------------------------------

EN_MONTHS: dict[str, int] = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3,
    "april": 4, "apr": 4, "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7,
    "august": 8, "aug": 8, "september": 9, "sept": 9, "sep": 9, "october": 10,
    "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
}

# --- hedge words --------------------------------------------------------------------
# Closed lists from DESIGN "qualifiers"; EXACT entries are emphasis words that carry
# no hedge (무려, 불과, exactly) but belong to the expression.

KO_PREFIX_HEDGES: dict[str, Qualifier] = {
    "약": Qualifier.APPROX, "대략": Qualifier.APPROX, "대략적으로": Qualifier.APPROX,
    "거의": Qualifier.NEARLY, "최소": Qualifier.AT_LEAST, "최소한": Qualifier.AT_LEAST,
    "적게 잡아도": Qualifier.AT_LEAST, "적어도": Qualifier.AT_LEAST,
    "최대": Qualifier.AT_MOST, "최고": Qualifier.AT_MOST, "많아야": Qualifier.AT_MOST,
    "무려": Qualifier.EXACT, "불과": Qualifier.EXACT, "단": Qualifier.EXACT,
    "겨우": Qualifier.EXACT, "고작": Qualifier.EXACT, "총": Qualifier.EXACT,
    "정확히": Qualifier.EXACT,
}
#: Words before a Korean hedge that make it a rank, no hedge: 사상 최고 3.5% is a record, not "up to".
KO_HEDGES_NOT_AFTER: dict[str, tuple[str, ...]] = {"최고": ("사상", "역대"), "최대": ("사상", "역대")}
KO_SUFFIX_HEDGES: dict[str, Qualifier] = {
    "가량": Qualifier.APPROX, "안팎": Qualifier.APPROX, "내외": Qualifier.APPROX,
    "정도": Qualifier.APPROX, "수준": Qualifier.APPROX, "쯤": Qualifier.APPROX,
    "남짓": Qualifier.APPROX, "꼴": Qualifier.APPROX,  # 10명 중 3명꼴: about three in ten
    "가까이": Qualifier.NEARLY, "가까운": Qualifier.NEARLY,
    "이상": Qualifier.AT_LEAST,
    "미만": Qualifier.LESS_THAN, "채 되지 않는": Qualifier.LESS_THAN,
    "채 안 되는": Qualifier.LESS_THAN, "채 안되는": Qualifier.LESS_THAN,
    "아래": Qualifier.LESS_THAN,
    "이하": Qualifier.AT_MOST,
}
#: Endings of the verbs that hedge a number, by verb class: a form is the verb's head
#: (below) followed by one ending (웃 + 돌았다, 돌파 + 했다). Korean fuses stem and
#: ending (웃돌 + 는 = 웃도는), so an ending is written with the stem's last syllable.
#: The polite forms too (넘습니다, 넘었습니다), which releases and translated text write.
KO_HEDGE_VERB_ENDINGS: dict[str, tuple[str, ...]] = {
    "돌다": ("돌았다", "돌았고", "돌았으며", "돌았던", "돌았다는", "돌아", "돌아서", "돌고",
             "돌며", "돌면서", "돈", "도는", "돈다", "돌", "돌기도", "돌았습니다", "돕니다"),
    "하다": ("", "했다", "했고", "했으며", "했던", "했다는", "해", "해서", "하고", "하며",
             "하면서", "한", "하는", "한다", "할", "하기도", "했습니다", "합니다"),
    "넘다": ("넘게", "넘는", "넘은", "넘어", "넘어서", "넘었다", "넘었고", "넘었으며", "넘었던",
             "넘었다는", "넘고", "넘으며", "넘으면서", "넘는다", "넘을", "넘기도", "넘었습니다", "넘습니다"),
    "넘어서다": ("넘어섰다", "넘어섰고", "넘어섰으며", "넘어섰던", "넘어섰다는", "넘어선",
                 "넘어서는", "넘어서며", "넘어서면서", "넘어선다", "넘어설", "넘어섰습니다", "넘어섭니다"),
    "넘기다": ("넘긴", "넘겼다", "넘겼고", "넘겼으며", "넘겼던", "넘겨", "넘기며", "넘기면서",
               "넘기는", "넘길", "넘겼습니다", "넘깁니다"),
    "미치다": ("미치는", "미친", "미쳤다", "미쳤고", "미쳤으며", "미쳐", "미치며", "미칠", "미쳤습니다", "미칩니다"),
    "들다": ("들었다", "들었고", "들었으며", "들어", "들고", "들며", "든", "드는", "든다", "듭니다", "들었습니다"),
}
#: Verbs after a number that hedge it, (head, class of KO_HEDGE_VERB_ENDINGS) → qualifier:
#: 28조 원을 웃돌았다 (more than), 3%를 밑도는 (less than), 40%에 육박했다 (nearly).
KO_HEDGE_VERBS: dict[tuple[str, str], Qualifier] = {
    ("웃", "돌다"): Qualifier.MORE_THAN, ("밑", "돌다"): Qualifier.LESS_THAN,
    ("", "넘다"): Qualifier.MORE_THAN, ("", "넘어서다"): Qualifier.MORE_THAN,
    ("", "넘기다"): Qualifier.MORE_THAN, ("돌파", "하다"): Qualifier.MORE_THAN,
    ("상회", "하다"): Qualifier.MORE_THAN, ("초과", "하다"): Qualifier.MORE_THAN,
    ("하회", "하다"): Qualifier.LESS_THAN, ("못 ", "미치다"): Qualifier.LESS_THAN,
    ("육박", "하다"): Qualifier.NEARLY,
    ("넘나", "들다"): Qualifier.APPROX,  # 27%를 넘나든다: crosses 27% back and forth, around it
}
#: Particles a Korean hedge may follow (200명도 채 되지 않는, 1만 명을 넘는).
KO_HEDGE_PARTICLES: tuple[str, ...] = ("을", "를", "이", "가", "도", "에", "은", "는")
#: Adverbs of degree between a particle and a hedge verb: "2cm가 조금 넘는다", "10%를 소폭 웃돌았다" (still more than).
KO_HEDGE_ADVERBS: tuple[str, ...] = ("조금", "약간", "살짝", "소폭", "훨씬", "크게")
#: Particles allowed after a whole expression (3배나, 2%밖에, 44억 달러의).
KO_TRAILING_PARTICLES: tuple[str, ...] = (
    "밖에", "으로", "로", "에서", "까지", "부터", "이나", "나", "도", "의", "를", "을",
    "가", "이", "은", "는", "에", "와", "과", "만", "이다", "였다", "이었다",
    # copulas of spoken and polite statements: 3.5%였습니다, 4%대였지요
    "였습니다", "이었습니다", "입니다", "였지요", "이었지요", "이지요", "였죠", "이죠", "예요", "이에요",
)
#: Words joining "N명 중 M명" into the ratio M/N (4명 중 1명 is one in four), M not above N.
KO_RATIO_JOINERS: tuple[str, ...] = ("중에서", "가운데", "중")
#: What may follow a counter or counted noun inside its word: particles, hedges and 씩, 들, 에게
#: (두 개의, 250여 고객에게, 한 명씩). Anything else makes the counter the start of another word
#: (두 회사, 두 원자로, 두 프로젝트).
KO_COUNTER_ENDINGS: tuple[str, ...] = (*KO_TRAILING_PARTICLES, *KO_HEDGE_PARTICLES, *KO_SUFFIX_HEDGES,
                                       "에게", "씩", "들", "과", "와", "여", "였", "이었", "인", "보다", "짜리",
                                       "어치", "당")
#: Units that also open everyday words (1주택, 2001 주식, 10주차, 이노바 2 프로젝트, 300 회사채): read as
#: the unit only where it ends its word as KO_COUNTER_ENDINGS allow.
KO_UNITS_OPENING_WORDS: frozenset[str] = frozenset({"주", "프로", "회", "라트", "캐드"})

#: Words before an English hedge that make it no hedge: "the top 1 percent" of earners is a
#: group and "a top 10 finish" a rank, not more than 1 percent or 10.
#: "nowhere near 75%", "not near 30 to 1": a denial, no approximation.
#: "twice as much as $5", "three times as many as 200": a comparison whose figure is the base, not a bound.
EN_HEDGES_NOT_AFTER: dict[str, tuple[str, ...]] = {
    "top": ("the", "a"), "near": ("nowhere", "anywhere", "not"),
    "as much as": ("twice", "thrice", "times", "half"), "as many as": ("twice", "thrice", "times", "half"),
    # "turned around 10 days later": the verb's particle, no "about"
    "around": ("turn", "turns", "turned", "turning"),
}
EN_PREFIX_HEDGES: dict[str, Qualifier] = {
    "about": Qualifier.APPROX, "around": Qualifier.APPROX, "roughly": Qualifier.APPROX,
    "some": Qualifier.APPROX, "approximately": Qualifier.APPROX,
    "an estimated": Qualifier.APPROX, "estimated": Qualifier.APPROX,
    "nearly": Qualifier.NEARLY, "almost": Qualifier.NEARLY,
    "close to": Qualifier.NEARLY, "close on": Qualifier.NEARLY, "just under": Qualifier.NEARLY,
    "near": Qualifier.APPROX,   # "populations are near 39,000"; "nearly" is the longer word, matched first
    "~": Qualifier.APPROX,      # "families making ~$86k"; between two numbers (2~3) it joins a range
    "more than": Qualifier.MORE_THAN, "over": Qualifier.MORE_THAN,
    "above": Qualifier.MORE_THAN, "top": Qualifier.MORE_THAN, "topped": Qualifier.MORE_THAN,
    "tops": Qualifier.MORE_THAN, "exceed": Qualifier.MORE_THAN,
    "exceeded": Qualifier.MORE_THAN, "exceeds": Qualifier.MORE_THAN,
    "surpass": Qualifier.MORE_THAN, "surpassed": Qualifier.MORE_THAN,
    "higher than": Qualifier.MORE_THAN, "greater than": Qualifier.MORE_THAN, "in excess of": Qualifier.MORE_THAN,
    "at least": Qualifier.AT_LEAST, "no less than": Qualifier.AT_LEAST,
    "no fewer than": Qualifier.AT_LEAST, "a minimum of": Qualifier.AT_LEAST,
    "under": Qualifier.LESS_THAN, "fewer than": Qualifier.LESS_THAN,
    "less than": Qualifier.LESS_THAN, "below": Qualifier.LESS_THAN,
    "lower than": Qualifier.LESS_THAN,
    "up to": Qualifier.AT_MOST, "at most": Qualifier.AT_MOST,
    # "as many as 22,000 die", "earn as much as $5,000": the top of what is said, as "up to"
    "as many as": Qualifier.AT_MOST, "as much as": Qualifier.AT_MOST,
    "no more than": Qualifier.AT_MOST, "a maximum of": Qualifier.AT_MOST,
    # "not more than ten years older": the bound, not "more than" with its "not" left out
    "not more than": Qualifier.AT_MOST, "not less than": Qualifier.AT_LEAST, "not fewer than": Qualifier.AT_LEAST,
    "exactly": Qualifier.EXACT, "just": Qualifier.EXACT, "only": Qualifier.EXACT,
    "a total of": Qualifier.EXACT, "a whopping": Qualifier.EXACT,
}
EN_SUFFIX_HEDGES: dict[str, Qualifier] = {
    "or so": Qualifier.APPROX, "or more": Qualifier.AT_LEAST, "or higher": Qualifier.AT_LEAST,
    "or less": Qualifier.AT_MOST, "or fewer": Qualifier.AT_MOST, "or lower": Qualifier.AT_MOST,
    "plus": Qualifier.MORE_THAN, "+": Qualifier.MORE_THAN,   # "50%+ of its members", as "50 percent plus"
}
