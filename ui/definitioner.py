"""The definition of every figure in plain Swedish, one click from each chart.

The wording follows docs/metrics.md, so that a reader of the chart, the analyst who
downloads it and the committee get the same meaning.
"""

from __future__ import annotations

BELAGGNING = (
    "**Beläggning** = vårddygn på enheter med avtalade platser / platsdygn, för samma enheter "
    "och dagar. **Platsdygn**: summan av avtalade platser dag för dag. **Vårddygn**: nätter i "
    "vård – inflyttningsdagen räknas, utflyttningsdagen inte. Beläggningen kan överstiga 100 % "
    "(överbeläggning) och visas som den är. **Lediga platsdygn** = platsdygn − vårddygn, "
    "aldrig under 0 per enhet och dag; kostnaden värderas med enhetens dygnspris."
)
I_VARD = (
    "En person är **i vård** en dag när någon av personens placeringar är aktiv den dagen "
    "(startdatum ≤ dagen < slutdatum). En månads antal avser månadens sista dag, eller "
    "periodens slut/uttagsdatum om det kommer först. **Ålder** räknas i hela år från det "
    "födelsedatum som gällde den dagen (åldersbedömningar följs); födelsedagen räknas som ny ålder."
)
KOMMUN = (
    "Sett från perspektivkommunen K på rapportdatumet. **Placerade här av andra**: personer i "
    "vård som bor i K och vars ansvariga kommun (senaste anvisningen) inte är K. **Våra i andra "
    "kommuner**: personer med ansvarig kommun K som bor utanför K. Andelarna är av alla i vård "
    "som bor i K respektive av alla med ansvarig kommun K. Län enligt SCB:s kommunkoder."
)
EKONOMI = (
    "**Kostnad**: summan av belopp på konton av typ kostnad. **Intäkt**: minus summan av belopp "
    "på konton av typ intäkt (intäkter visas positiva). **Balans** = intäkt − kostnad; positiv "
    "balans är överskott. Samma för budget. **Ackumulerat**: från januari till och med månaden."
)
PROGNOS = (
    " **Prognos för helåret**: antingen utfall hittills + budget för årets återstående månader "
    "(budgetmetoden), eller utfall hittills / förflutna månader × 12 (takt­metoden). Vald metod "
    "står alltid vid figuren."
)
DATA = (
    "Importloggen visar varje import: när, från vilken källa, uttagsdatum och hur många rader "
    "som lästes och lagrades per tabell. Pågående placeringar räknas aldrig längre än till "
    "uttagsdatumet."
)

ERSATTNING = (
    "**Förväntad ersättning**: vårddygn, avtalade platsdygn, anvisningar och månader prissatta "
    "med de ersättningsregler som gällde varje dag (`data/reference/ersattningsregler.csv`, "
    "med källa per regel). Status och ålder gäller dag för dag (åldersbedömningar från "
    "beslutsdagen); inflyttningsdagen räknas, utflyttningsdagen inte. Årliga belopp räknas "
    "med en tolftedel per månad. **Sökt**: ersättningsansökningar för månaden. **Bokförd**: "
    "huvudbokens intäkter i kategorierna statlig ersättning och schablon. **Differens** = "
    "bokförd − förväntad. Studiehjälp för 750 kr-schablonen antas (flaggas under Avvikelser)."
)

PROGNOS_I_VARD = (
    "**Prognos**: de som är i vård på prognosdagen stannar med senaste årets utflyttningstakt "
    "per åldersgrupp, lämnar vid 18 år med takten vid 18, senast vid 21 år och vid kända "
    "utflyttningsdatum; nya kommer i de tre senaste månadernas takt."
)

DEFINITION: dict[str, str] = {
    "belaggning": BELAGGNING,
    "belaggning_enhet": BELAGGNING,
    "belaggning_boendeform": BELAGGNING,
    "belaggning_platstyp": BELAGGNING,
    "alder_kon": I_VARD,
    "alderspyramid": I_VARD,
    "i_vard_manad": I_VARD,
    "aldersgrupp_manad": I_VARD,
    "fodelsedagar_kommande": I_VARD + " Visar 18- och 21-årsdagar de närmaste 12 månaderna.",
    "fodelsedagar_manad": I_VARD + " Visar 18- och 21-årsdagar de närmaste 12 månaderna.",
    "kommunoverskridande": KOMMUN,
    "kommunoverskridande_matris": KOMMUN,
    "kommunoverskridande_andel": KOMMUN,
    "anvisningar_manad": "Antal anvisningar (beslut som gör en kommun ansvarig) per månad.",
    "avslut_orsak": "Avslutade ärenden per avslutsorsak under perioden.",
    "budgetbalans": EKONOMI + PROGNOS,
    "ekonomi_kategori": EKONOMI + " Avvikelse = utfall − budget per kategori.",
    "ekonomi_verksamhet": EKONOMI,
    "ersattning": ERSATTNING,
    "ersattning_summa": ERSATTNING,
    "ersattning_berakning": ERSATTNING + " Varje rad är antal × belopp × andel.",
    "ersattning_avvikelser": ERSATTNING,
    "prognos_i_vard": PROGNOS_I_VARD,
    "prognos_manad": PROGNOS_I_VARD
    + " Ersättning och kostnad per vårddygn från de tre senaste månaderna; balans = "
    "ersättning − kostnad.",
    "prognos_backtest": PROGNOS_I_VARD
    + " Varje månad jämförs med prognosen gjord 12 månader före; MAPE = medelvärdet av "
    "|prognos − utfall| / utfall.",
    "scenario": EKONOMI
    + " **Scenario**: flyttade ungdomar ändrar kostnaden med skillnaden i genomsnittligt "
    "dygnspris och ersättningen med skillnaden i förväntad ersättning per vårddygn enligt "
    "reglerna; prisändring och regeländring räknas om på samma vårddygn. Effekt = "
    "scenariots balans − balansen.",
    "prognos_ekonomi_backtest": PROGNOS_I_VARD
    + " Ekonomiprognosen (ersättning − kostnad) gjord 12 månader före jämförs med huvudboken; "
    "MAPE för ersättning och kostnad, genomsnittligt absolut fel i kronor för balansen.",
    "import_logg": DATA,
    "datakvalitet": "Kontroller av rimlighet i den importerade datan; varje rad är ett fynd att utreda.",
    "dataomfang": DATA,
}


def definition(figur: str) -> str:
    """The Swedish definition of a figure, with how to get the same data from the CLI."""
    text = DEFINITION.get(figur, "Se docs/metrics.md.")
    return f"{text}\n\nSamma data från kommandoraden: `python -m queries export {figur} …`"
