"""Initial Danish content of the public knowledge site SMV-brobygger.

Plain data, loaded once by `knowledge.editor.services.load_initial_content`; editors
change the pages on the site afterwards. Bodies and long text fields are
Markdown (headings from level ## down, lists, bold; no raw HTML). List fields
(`attention_points`, `references`) hold one line per item.

The facts come from the BIFROST programme documents; every sentence is written
anew. Companies in the cases are fictional; the literature is real.
"""

# One intro article per section, in reading order (slug = section key).
SECTIONS = [
    {
        "slug": "forside",
        "title": "SMV-brobygger",
        "summary": (
            "Viden og inspiration til rådgivere og små og mellemstore virksomheder, der vil "
            "forebygge stress og sygefravær i fællesskab."
        ),
        "body": (
            "## Velkommen til SMV-brobygger\n\n"
            "SMV-brobygger er et åbent videnssite om samarbejdet mellem arbejdsmiljørådgivere "
            "og små og mellemstore virksomheder, også kaldet SMV'er. Omdrejningspunktet er "
            "stress, mental sundhed og sygefravær – og hvordan I sammen kan forebygge, "
            "håndtere og hjælpe medarbejdere godt tilbage til arbejde.\n\n"
            "Er du **rådgiver** inden for det psykiske arbejdsmiljø, får du her bud på, "
            "hvordan du kommer tæt på en mindre virksomhed og gør din viden brugbar i dens "
            "hverdag.\n\n"
            "Er du **ejerleder eller arbejdsmiljøansvarlig**, kan du læse, hvad du kan "
            "forvente af en rådgiver, og hvordan du selv kan bidrage til et samarbejde, der "
            "rent faktisk flytter noget.\n\n"
            "## Det finder du her\n\n"
            "- **Hvad er SMV-brobygger?** – baggrunden i forskningsprojektet BIFROST\n"
            "- **Brobyggermetoden** – sådan arbejder rådgiver og virksomhed sammen mellem "
            "møderne\n"
            "- **Rådgiverrollen** – fire måder at være rådgiver på, og hvad de gør ved "
            "relationen\n"
            "- **Forebyg sygefravær** – syv principper og det særlige ved at være en lille "
            "virksomhed\n"
            "- **Brobyggerfaser** – fra første kontakt til det øjeblik, virksomheden selv "
            "tager over\n"
            "- **Cases** – tre fortællinger fra en lokalavis, et forlag og et pengeinstitut\n\n"
            "Indholdet bygger på forskning og på de erfaringer, som virksomheder og rådgivere "
            "har høstet undervejs i projektet. Brug det som inspiration, og tilpas det til "
            "jeres egen virkelighed."
        ),
    },
    {
        "slug": "hvad-er-det",
        "title": "Hvad er SMV-brobygger?",
        "summary": (
            "SMV-brobygger samler viden om samarbejdet mellem arbejdsmiljørådgivere og SMV'er "
            "om stress og sygefravær. Sitet er vokset ud af forskningsprojektet BIFROST."
        ),
        "body": (
            "## Et videnssite for to målgrupper\n\n"
            "SMV-brobygger samler viden om, hvordan arbejdsmiljørådgivere og mindre "
            "virksomheder kan arbejde sammen om mental sundhed. Målet er, at færre bliver "
            "sygemeldt med stress, og at de, der alligevel bliver det, får en god vej tilbage "
            "til arbejdet.\n\n"
            "Sitet er skrevet til dig, der rådgiver om psykisk arbejdsmiljø, og til dig, der "
            "som ejerleder, HR-ansvarlig eller arbejdsmiljøansvarlig står med ansvaret i en "
            "SMV.\n\n"
            "## Udsprunget af BIFROST\n\n"
            "Indholdet stammer fra BIFROST, et praksisnært forskningsprojekt, som løb i "
            "2019–2020. Navnet dækker over bæredygtige indsatser, der skal styrke den "
            "rådgivning om arbejdsmiljø, som små og mellemstore virksomheder får om deres "
            "TTA-praksis. Bag det stod TeamArbejdsliv sammen med Brancheforeningen af "
            "Arbejdsmiljørådgivere (BAMR), og Velliv Foreningen finansierede arbejdet.\n\n"
            "Baggrunden var, at indsatsen for at få sygemeldte tilbage til arbejde (TTA) "
            "hidtil mest har ligget hos kommunerne og ikke ude på arbejdspladserne. BIFROST "
            "ville flytte fokus ind i virksomhederne og styrke den rådgivning, de kan trække "
            "på.\n\n"
            "## Sådan foregik projektet\n\n"
            "Seks virksomheder fra finans, medier og kommunikation deltog sammen med seks "
            "rådgiverenheder. Fra maj til november mødtes de til et opstartsmøde og seks "
            "udviklingsmøder af en halv dags varighed. Her arbejdede de blandt andet med "
            "fordomme om hinanden, dilemmaspil om fastholdelse og anbefalinger til god "
            "rådgivning.\n\n"
            "Hver virksomhed fik tildelt en rådgiver. Mellem møderne afprøvede de to parter "
            "konkrete tiltag og noterede erfaringerne i en logbog. Principperne, faserne og "
            "casene her på sitet er resultatet af det arbejde."
        ),
    },
    {
        "slug": "brobyggermetoden",
        "title": "Brobyggermetoden",
        "summary": (
            "Brobyggermetoden samler rådgiverens faglige viden og virksomhedens kendskab til "
            "egen hverdag i et fælles, løbende arbejde med stress og sygefravær."
        ),
        "body": (
            "## Hvorfor bygge bro?\n\n"
            "Som rådgiver oplever du måske, at mindre virksomheder sjældent henter hjælp "
            "udefra til at forebygge stress og sygefravær – selv om både medarbejdere og "
            "bundlinje har meget at vinde. Og som ejerleder har du måske mødt en rådgiver, der "
            "ikke helt forstod, hvordan hverdagen ser ud i en virksomhed med femten "
            "ansatte.\n\n"
            "Begge parter sidder inde med vigtig viden. Rådgiveren kender til arbejdsmiljø og "
            "samarbejde; virksomheden kender sine opgaver, sine kunder og sine vilkår. "
            "Brobyggermetoden handler om at lade de to slags viden mødes, så indsatsen mod "
            "stress bliver til noget, der lever i dagligdagen. Metoden er udviklet på grundlag "
            "af forskning og af de erfaringer, rådgivere og virksomheder gjorde i BIFROST.\n\n"
            "## Processtøtte mellem møderne\n\n"
            "Kernen er det løbende samarbejde i perioderne mellem de fælles møder. Her gør "
            "rådgiver og virksomhed fire ting sammen:\n\n"
            "1. **Afstemmer problemfokus og behov** – hvad er det egentlig, der skal løses, og "
            "for hvem?\n"
            "2. **Beskriver tiltagene** – hvad gør I konkret, hvornår, og hvem er med?\n"
            "3. **Sætter fælles udviklingsmål** – hvilken forandring vil I se, og hvordan "
            "opdager I den?\n"
            "4. **Forbereder feedback** – hvad virkede, hvad drillede, og hvad tager I med til "
            "næste møde?\n\n"
            "Virksomheden fører en logbog over problemfokus, tiltag og de forhold, der hæmmer "
            "eller fremmer resultaterne. Den giver et fælles grundlag for refleksion.\n\n"
            "## Seks udfordringer\n\n"
            "I BIFROST arbejdede virksomhederne med seks typer af stressudfordringer. Du kan "
            "læse om hver af dem nedenfor."
        ),
    },
    {
        "slug": "raadgiverrollen",
        "title": "Rådgiverrollen",
        "summary": (
            "Din forståelse af din egen rolle som rådgiver præger samarbejdet med "
            "virksomheden. Lær de fire typer af vidensbrobyggere at kende."
        ),
        "body": (
            "## Din rolle gør en forskel\n\n"
            "Virksomhederne i BIFROST lagde stor vægt på, hvordan rådgiveren selv så på sin "
            "opgave. Rollen påvirker både samarbejdet og de løsninger, I ender med. Derfor er "
            "det en god idé, at du som rådgiver kender din egen rolle og ved, hvad den er "
            "stærk til – og hvor den kommer til kort.\n\n"
            "## Fire typer vidensbrobyggere\n\n"
            "Med inspiration fra Davies m.fl. og Maister m.fl. kan man skelne mellem fire "
            "roller, som en rådgiver kan indtage, når viden skal bringes fra forskning og "
            "faglighed ud i en virksomhed:\n\n"
            "1. **Produktsælgeren** præsenterer færdige ydelser.\n"
            "2. **Eksperten** designer evidensbaserede løsninger.\n"
            "3. **Den værdifulde ressource** hjælper med aktuelle behov og beslutninger.\n"
            "4. **Den betroede rådgiver** sætter sig ind i forretningen og bliver en "
            "ligeværdig sparringspartner.\n\n"
            "Rollerne er hverken gode eller dårlige i sig selv, men de skaber vidt forskellige "
            "relationer – fra korte, løse kontakter til langvarige samarbejder. De fleste "
            "rådgivere bevæger sig mellem flere af dem.\n\n"
            "## Hvilken rolle har du?\n\n"
            "Brug selvtesten til at reflektere over, hvor du typisk lægger din energi, og hvad "
            "det betyder for de SMV'er, du arbejder med."
        ),
    },
    {
        "slug": "forebyg-sygefravaer",
        "title": "Forebyg sygefravær",
        "summary": (
            "Syv forskningsbaserede principper for at forebygge og håndtere stressrelateret "
            "sygefravær – set med en SMV's øjne – og en kort introduktion til "
            "fastholdelsesparathed."
        ),
        "body": (
            "## Syv principper for god praksis\n\n"
            "Stressrelateret sygefravær kan både forebygges og håndteres bedre, når "
            "arbejdspladsen har nogle grundlæggende ting på plads. De syv principper bygger på "
            "forskning fra Institute for Work & Health (IWH 2007). Til hvert princip hører et "
            "opmærksomhedspunkt om, hvordan situationen typisk ser ud i en SMV (efter Ekberg "
            "m.fl. 2016).\n\n"
            "Principperne giver dig som rådgiver og virksomheden en fælles ramme. Brug dem til "
            "at se, hvor I allerede står stærkt, og hvor der er brug for en indsats.\n\n"
            "## Fastholdelse og fastholdelsesparathed\n\n"
            "**Fastholdelse** betyder, at en medarbejder bliver på en arbejdsplads, hun eller "
            "han gerne vil være på – og det måles i tid. **Fastholdelsesparathed** er noget "
            "andet: de potentialer, der findes hos den enkelte, hos arbejdspladsen og i "
            "samspillet mellem dem. Tegn på parathed kan være:\n\n"
            "- et positivt engagement, som kan ses\n"
            "- tiltro til, at forventningerne kan indfries\n"
            "- et realistisk blik på muligheder og begrænsninger\n"
            "- kendskab til de muligheder, der findes\n"
            "- forståelse for og vilje til at tage de nødvendige hensyn\n\n"
            "Forskning i jobfastholdelse peger på, at risikoen for brud er størst i de første "
            "tre måneder. Bruddene hænger sjældent sammen med diagnosen, men med kritiske "
            "situationer i jobbet – fx krav til koncentration, arbejdspres, uklare "
            "forventninger, krævende ledelse eller forholdet til kolleger. God ledelse, det "
            "rette match, sunde arbejdspladser og støtte i hverdagen trækker den anden vej."
        ),
    },
    {
        "slug": "brobyggerfaser",
        "title": "Brobyggerfaser",
        "summary": (
            "Brobygning er en oversættelse af viden om stress fra rådgiverens verden til "
            "virksomhedens hverdag. Den sker i tre faser."
        ),
        "body": (
            "## Brobygning som oversættelse\n\n"
            "Man kan se samarbejdet mellem rådgiver og SMV som en oversættelse: Viden om "
            "stress og sygefravær skal flyttes fra rådgiverens faglige univers ind i "
            "virksomhedens hverdag og sprog. Det sker ikke på én gang, men gennem tre "
            "faser:\n\n"
            "1. **Vejen ind** – I undersøger sammen, hvilken viden medarbejderne har brug "
            "for.\n"
            "2. **Etablering af relationen** – rådgiveren møder virksomheden, hvor den er.\n"
            "3. **Overdragelse af engagement** – virksomheden får noget konkret, den selv kan "
            "køre videre med.\n\n"
            "Til hver fase hører nogle opmærksomhedspunkter og greb. De er hentet fra det, som "
            "både virksomheder og rådgivere i BIFROST fremhævede som afgørende for, at "
            "samarbejdet lykkedes.\n\n"
            "Faserne glider ofte over i hinanden. Brug dem som en huskeliste snarere end som "
            "en fast opskrift."
        ),
    },
    {
        "slug": "cases",
        "title": "Cases",
        "summary": (
            "Tre cases viser, hvordan en lokalavis, et forlag og et pengeinstitut tog en "
            "arbejdsmiljørådgiver med på råd for at mindske og tackle sygefravær på grund af "
            "stress."
        ),
        "body": (
            "## Tre fortællinger om brobygning\n\n"
            "Brobyggermetoden blev brugt gennem hele projektperioden til at styrke samarbejdet "
            "mellem rådgivere og ejerledere eller arbejdsmiljøansvarlige. De tre cases viser "
            "på hver sin måde, hvordan en mindre virksomhed kan bruge en rådgiver til at "
            "forebygge stress og tage hånd om sygefravær.\n\n"
            "Hver case er bygget op som en **forandringslogik**: Hvilken udfordring stod "
            "virksomheden med? Hvilket tiltag satte den i gang, og hvad skulle det føre til? "
            "Og hvilken viden og hvilke redskaber hentede den hjælp i?\n\n"
            "- **En lokalavis** gav alle medarbejdere et fælles sprog om stress.\n"
            "- **Et forlag** så nærmere på, hvordan opgaver skifter hænder i teamet.\n"
            "- **Et pengeinstitut** udviklede en model for, hvordan kolleger tager imod en "
            "kollega efter en stresssygemelding.\n\n"
            "Virksomhedernes navne er opdigtede, og detaljerne er ændret, så ingen kan "
            "genkendes."
        ),
    },
    {
        "slug": "anbefalinger",
        "title": "Anbefalinger fra praksis",
        "summary": (
            "Anbefalinger, principper og redskaber, som virksomheder og rådgivere selv har "
            "formuleret undervejs i et forløb – med oplysning om, hvor de kommer fra."
        ),
        "body": (
            "## Skrevet af dem, der har prøvet det\n\n"
            "På femte udviklingsmøde samles virksomheder og rådgivere om at skrive "
            "anbefalinger til rådgivning, der hjælper en lille virksomhed med at fastholde "
            "medarbejdere. Anbefalingerne tager udgangspunkt i det, de selv har oplevet "
            "undervejs, og deltagerne bakker op om dem, de er enige i. På det sidste møde "
            "samler de trådene og bliver enige om principper og redskaber, som andre kan "
            "tage med sig.\n\n"
            "Her finder du det, facilitatorerne har redigeret og udgivet. Ved hver side kan "
            "du se, hvilket forløb og hvilket møde den stammer fra, og hvor mange "
            "virksomheder og rådgivere der stod bag. Ingen personer eller virksomheder "
            "nævnes ved navn.\n\n"
            "Brug filtrene til at finde det, der hører til et af de syv principper for at "
            "forebygge sygefravær eller en af de tre brobyggerfaser."
        ),
    },
]

# Seven principles (after IWH 2007) with SMV attention points (after Ekberg et al. 2016).
PRINCIPLES = [
    {
        "number": 1,
        "slug": "arbejdspladsens-engagement",
        "title": "Arbejdspladsen viser engagement",
        "summary": (
            "Forebyggelse af sygefravær er en fælles sag, som kan ses i det, ledere og "
            "medarbejdere gør i hverdagen."
        ),
        "body": (
            "Det første princip handler om kultur. En arbejdsplads, der tager sygefravær "
            "alvorligt, viser det ikke kun i en politik, men i den måde, ledere og kolleger "
            "taler og handler på, når nogen er under pres.\n\n"
            "Engagementet skal kunne mærkes af alle: Det er legitimt at sige fra, der bliver "
            "spurgt ind, og ledelsen prioriterer trivsel – også når der er travlt.\n\n"
            "Som rådgiver kan du hjælpe virksomheden med at gøre engagementet synligt, fx ved "
            "at formulere, hvad man helt konkret gør, når en kollega viser tegn på stress."
        ),
        "smv_attention": (
            "I en SMV gives støtten ofte fra sag til sag. Den bygger på erfaring og er "
            "fleksibel, men der er sjældent meget viden om god praksis ved sygefravær eller "
            "om, hvordan man bedst hjælper sygemeldte tilbage til arbejde (TTA)."
        ),
    },
    {
        "number": 2,
        "slug": "tilpassede-opgaver-og-arbejdstid",
        "title": "Tilpassede opgaver og arbejdstid",
        "summary": (
            "Arbejdspladsen kan tilbyde opgaver og arbejdstid, der passer til medarbejderens "
            "aktuelle arbejdsevne."
        ),
        "body": (
            "En gradvis tilbagevenden lykkes oftere, når arbejdet kan skrues op og ned. Det "
            "kan være færre timer i en periode, andre opgaver eller færre deadlines. Selv små "
            "justeringer, som at slippe for telefonvagt eller kundemøder, kan gøre en stor "
            "forskel.\n\n"
            "Tilpasningen skal tage hensyn til både medarbejderen og opgaverne. Derfor er det "
            "en god idé at aftale konkret, hvad der forventes, og hvornår I ser på det "
            "igen.\n\n"
            "Som rådgiver kan du hjælpe med at gøre planen realistisk, så den hverken presser "
            "medarbejderen for hurtigt frem eller efterlader opgaver, som ingen tager sig af."
        ),
        "smv_attention": (
            "I små enheder er der ofte frihed til at forme krav og opgaver. Til gengæld "
            "afhænger virksomhedens drift og vækst af, at hver enkelt yder meget, så der er "
            "ikke altid meget luft at give af."
        ),
    },
    {
        "number": 3,
        "slug": "fravaer-med-mindst-belastning",
        "title": "Fravær håndteres med mindst mulig belastning",
        "summary": "Sygefravær tilrettelægges, så kolleger og ledere ikke bliver overbelastet.",
        "body": (
            "Når en medarbejder er væk, skal opgaverne stadig løses. Hvis kollegerne bare "
            "løber hurtigere, risikerer I, at stressen spreder sig. Det gælder også lederen, "
            "som let ender med selv at dække hullerne.\n\n"
            "Planlæg derfor, hvordan opgaver fordeles, prioriteres eller udskydes under "
            "fraværet, og tal åbent om det i teamet. Det gælder også i perioden, hvor "
            "kollegaen vender tilbage på nedsat tid.\n\n"
            "Som rådgiver kan du hjælpe med at kigge på arbejdsfordelingen og finde løsninger, "
            "som teamet kan bære."
        ),
        "smv_attention": (
            "Når arbejdet tilpasses, eller en medarbejder flyttes til andre opgaver, kan det "
            "give gnidninger i en lille gruppe. Meget afhænger af relationerne, og det kan "
            "være svært at finde en anden plads til nogen, når der kun er få stillinger."
        ),
    },
    {
        "number": 4,
        "slug": "viden-om-forebyggelse-og-tta",
        "title": "Ledere og tillidsvalgte kender til forebyggelse og TTA",
        "summary": (
            "De, der har ansvar på arbejdspladsen, ved, hvordan man forebygger sygefravær og "
            "støtter en tilbagevenden til arbejde."
        ),
        "body": (
            "Ledere og tillidsvalgte er ofte de første, der opdager, at noget er galt. Derfor "
            "skal de kende tegnene på stress, vide, hvad de kan gøre, og kende de regler og "
            "muligheder, der gælder, når en medarbejder er sygemeldt.\n\n"
            "Viden om TTA – tilbage til arbejde – handler blandt andet om samtaler, planer for "
            "gradvis opstart og samarbejdet med kommunen. Det handler også om at vide, hvor "
            "man kan hente hjælp, når opgaven bliver for stor.\n\n"
            "Som rådgiver kan du klæde ledere og arbejdsmiljørepræsentanter på, så de føler "
            "sig trygge ved at tage de svære samtaler."
        ),
        "smv_attention": (
            "I en mindre virksomhed er der ofte tæt kontakt mellem ejerleder eller HR og "
            "medarbejderne, og det er en styrke. Men ejerlederen kender sjældent de rådgivere "
            "og eksterne tilbud, der kan hjælpe med sygefravær og tilbagevenden."
        ),
    },
    {
        "number": 5,
        "slug": "tidlig-stoettende-kontakt",
        "title": "Tidlig og støttende kontakt",
        "summary": (
            "Lederen eller en tillidsvalgt kontakter den sygemeldte tidligt og på en måde, der "
            "støtter."
        ),
        "body": (
            "En tidlig henvendelse viser medarbejderen, at hun eller han ikke er glemt. Det "
            "vigtige er tonen: Kontakten skal være omsorgsfuld og må ikke opleves som kontrol "
            "eller som pres for at komme hurtigt tilbage.\n\n"
            "Aftal gerne med medarbejderen, hvor ofte I taler sammen, hvem der tager "
            "kontakten, og hvad kollegerne må få at vide. Tag hellere kontakt lidt for tidligt "
            "end at vente, til tavsheden er blevet svær at bryde.\n\n"
            "Som rådgiver kan du hjælpe lederen med at forberede samtalen og finde ord, der "
            "åbner i stedet for at lukke."
        ),
        "smv_attention": (
            "Den korte afstand mellem ledelse og ansatte gør det ofte nemmere at holde "
            "kontakten. Men det bliver svært, hvis selve årsagen til sygemeldingen ligger i "
            "forholdet til ejerlederen eller ledelsen."
        ),
    },
    {
        "number": 6,
        "slug": "en-koordinerende-person",
        "title": "Én person koordinerer",
        "summary": (
            "En bestemt person har ansvaret for at holde sammen på indsatsen omkring sygefravær."
        ),
        "body": (
            "Når flere har et lille ansvar, risikerer ingen at have det samlede overblik. En "
            "fast koordinator sikrer, at aftaler bliver fulgt op, at samtaler bliver holdt, og "
            "at kontakten til kommune og andre aktører hænger sammen.\n\n"
            "Koordinatoren behøver ikke at være ekspert, men skal have tid, mandat og et klart "
            "billede af forløbet. Det giver også tryghed for den sygemeldte at vide, hvem der "
            "er indgangen til arbejdspladsen.\n\n"
            "Som rådgiver kan du hjælpe virksomheden med at beskrive rollen og finde ud af, "
            "hvem der kan løfte den."
        ),
        "smv_attention": (
            "Ofte har ingen fået tid eller ressourcer til at samle overblikket. Findes rollen, "
            "ligger den typisk hos en HR-medarbejder, der hjælper lederen med at overholde "
            "lovens krav og udnytte de muligheder, den giver. Koordineringen foregår mest i "
            "dialog med kommunen og forsikringsselskaber."
        ),
    },
    {
        "number": 7,
        "slug": "dialog-med-sundhedssystemet",
        "title": "Arbejdsplads og sundhedssystem taler sammen",
        "summary": (
            "Med medarbejderens samtykke udveksler arbejdspladsen og sundhedssystemet viden om "
            "kravene i jobbet."
        ),
        "body": (
            "Læge, psykolog og kommune kan give bedre råd, når de ved, hvad arbejdet konkret "
            "kræver. Og arbejdspladsen kan tilrettelægge tilbagevenden bedre, når den kender "
            "de hensyn, der skal tages.\n\n"
            "Udvekslingen sker altid med medarbejderens accept og på medarbejderens præmisser. "
            "Fokus er på arbejdets krav og muligheder – ikke på diagnoser.\n\n"
            "Som rådgiver kan du hjælpe med at beskrive jobbets krav, så de kan indgå i en "
            "plan for tilbagevenden. Det kan fx være en kort beskrivelse af opgaver, "
            "arbejdstider og de mest belastende situationer, som medarbejderen selv kan tage "
            "med til lægen."
        ),
        "smv_attention": (
            "Mindre virksomheder har ofte kun en løs forbindelse til kommunens tilbud og "
            "TTA-forløb. Især bliver arbejdsmiljøet sjældent tænkt ind i handleplanerne, og "
            "lederne får kun lidt hjælp til dialogen med medarbejderen."
        ),
    },
]

# Four advisor roles as knowledge brokers (after Davies et al., Maister et al.).
ADVISOR_ROLES = [
    {
        "number": 1,
        "slug": "produktsaelgeren",
        "title": "Produktsælgeren",
        "summary": "Rådgiveren koncentrerer sig om at præsentere og sælge færdige ydelser.",
        "body": (
            "Produktsælgeren kender sine ydelser til bunds og er dygtig til at præsentere dem. "
            "Samtalen med virksomheden drejer sig om, hvad pakken indeholder, og hvordan den "
            "kan købes. Rådgiveren er stærk til at formidle produkter og ydelser klart.\n\n"
            "Det kan være nyttigt, når en SMV har et klart og afgrænset behov. Men rollen "
            "giver sjældent plads til at undersøge, hvad virksomheden faktisk har brug for, og "
            "relationen slutter ofte, når handlen er afsluttet.\n\n"
            "**Spørg dig selv:** Lytter jeg efter virksomhedens problem – eller efter en "
            "åbning for mit produkt?"
        ),
        "focus": "At udbrede vidensprodukter og fortælle om deres konkrete egenskaber.",
        "energy": (
            "At overbevise virksomheden om at købe en færdig ydelse og at imødegå indvendinger."
        ),
        "smv_gets": "Information om bestemte produkter og rådgivningsydelser.",
        "relation": "Kortvarig. Blikket for virksomhedens behov i praksis bliver snævert.",
    },
    {
        "number": 2,
        "slug": "eksperten",
        "title": "Eksperten",
        "summary": "Rådgiveren tager udgangspunkt i sin faglige værktøjskasse og i evidensen.",
        "body": (
            "Eksperten har styr på teorier, metoder og ny forskning og vil gerne have den i "
            "spil. Løsningerne er solide og i tråd med standarder og evidens.\n\n"
            "Styrken er, at aktuel viden kommer ud at arbejde, og at eksperten får et vist "
            "indblik i virksomhedens situation. Svagheden er, at løsningen let bliver designet "
            "*til* virksomheden snarere end *sammen med* den – og så forbliver relationen "
            "svag.\n\n"
            "**Spørg dig selv:** Hvor meget af løsningen har virksomheden selv været med til "
            "at forme?"
        ),
        "focus": "Den metodiske og teoretiske værktøjskasse.",
        "energy": "At designe en løsning, der lever op til evidens og faglige standarder.",
        "smv_gets": ("En evidensbaseret løsning – og rådgiveren får bragt ny viden ud i praksis."),
        "relation": "Svag, men med en dybere forståelse af virksomhedens situation.",
    },
    {
        "number": 3,
        "slug": "vaerdifuld-ressource",
        "title": "Værdifuld ressource",
        "summary": (
            "Rådgiveren står til rådighed for virksomhedens aktuelle behov og beslutninger."
        ),
        "body": (
            "Den værdifulde ressource lytter til det, virksomheden står med lige nu. "
            "Rådgiveren bliver trukket ind, når der skal træffes en beslutning, og hjælper med "
            "at finde rundt i viden og muligheder.\n\n"
            "Rollen styrker relationen, fordi virksomheden oplever rådgiveren som nyttig og "
            "let at få fat i. Til gengæld kan fokus på det akutte betyde, at rådgiveren aldrig "
            "for alvor lærer virksomheden at kende. Rollen passer godt til SMV'er, der har "
            "brug for hurtige svar.\n\n"
            "**Spørg dig selv:** Hjælper jeg kun med dagens problem, eller forstår jeg også, "
            "hvorfor det opstår?"
        ),
        "focus": "Virksomhedens umiddelbare behov og beslutninger.",
        "energy": ("At forme en løsning, der passer til det, virksomheden har brug for her og nu."),
        "smv_gets": (
            "En rådgiver at spørge om den viden, der mangler, input til beslutninger og hjælp "
            "til at finde vej i ressourcer og viden."
        ),
        "relation": "Stærkere, men uden et dybt kendskab til virksomheden.",
    },
    {
        "number": 4,
        "slug": "betroet-raadgiver",
        "title": "Betroet rådgiver",
        "summary": (
            "Rådgiveren sætter sig ind i virksomhedens forretning og bliver en ligeværdig "
            "sparringspartner."
        ),
        "body": (
            "Den betroede rådgiver interesserer sig for virksomheden som helhed: branchen, "
            "forretningen, menneskene og de særlige vilkår. Rådgiveren bruger tid på at "
            "forstå, før der gives råd.\n\n"
            "Det giver virksomheden en fortrolig samtalepartner udefra, som den kan tale åbent "
            "med – også om det svære. Rådgiveren får til gengæld et indgående kendskab til "
            "branche og medarbejdere og kan tilpasse sin viden, så den virker i praksis.\n\n"
            "Det er den rolle, der bedst understøtter brobygning, men den kræver tid og tillid "
            "fra begge sider."
        ),
        "focus": "Virksomheden og dens særlige situation i branchen.",
        "energy": "At forstå virksomhedens forretning og de individuelle forhold.",
        "smv_gets": "En sparringspartner og en ligeværdig, fortrolig samtalepartner udefra.",
        "relation": "Varig, med en nuanceret forståelse af virksomhedens behov i praksis.",
    },
]

# The three bridge-building phases.
PHASES = [
    {
        "number": 1,
        "slug": "vejen-ind",
        "title": "Vejen ind",
        "summary": (
            "En tæt dialog fra starten gør det muligt at undersøge, hvilken viden hele "
            "medarbejdergruppen har brug for."
        ),
        "body": (
            "Det første skridt er at finde ud af, hvad der egentlig er brug for. Både "
            "virksomheder og rådgivere i BIFROST pegede på, at det kræver en tæt dialog, hvor "
            "I sammen indkredser behovet i stedet for at springe direkte til en løsning.\n\n"
            "Sæt tid af til at inddrage hele medarbejdergruppen og ikke kun ledelsen. Når alle "
            "har haft mulighed for at komme med spørgsmål og ønsker, er rådgiveren bedre "
            "forberedt, og forløbet rammer tættere på det, der fylder.\n\n"
            "Som ejerleder eller arbejdsmiljøansvarlig kan du bane vejen ved at fortælle om "
            "forløbet i god tid og samle input. Som rådgiver kan du stille spørgsmål, der "
            "hjælper virksomheden med at sætte ord på behovet."
        ),
        "attention_points": [
            "Afsæt tid til en grundig indledende dialog, før I vælger indsats.",
            "Involver hele medarbejdergruppen, ikke kun ledelsen.",
            "Indsaml spørgsmål og ønsker, før rådgiveren kommer ud.",
            "Formulér behovet med virksomhedens egne ord.",
        ],
        "quote": (
            "Jeg spurgte hele holdet på forhånd, hvad de gerne ville vide om stress. Så kunne "
            "rådgiveren gå direkte til det, der optog os, allerede ved første møde."
        ),
    },
    {
        "number": 2,
        "slug": "etablering-af-relationen",
        "title": "Etablering af relationen",
        "summary": (
            "Rådgiveren møder virksomheden, hvor den er, og taler et sprog, der giver mening i "
            "hverdagen."
        ),
        "body": (
            "Et godt samarbejde står og falder med, at rådgiver og virksomhed passer sammen. "
            "Begge parter bør derfor overveje, hvad en god relation kræver af dem.\n\n"
            "Afgørende er, at rådgiveren tager udgangspunkt i virksomhedens situation og "
            "taler, så ledere og medarbejdere kan genkende deres egen hverdag. Lige så vigtigt "
            "er det, at virksomheden er åben over for nye input og nysgerrig på, hvordan viden "
            "kan bruges.\n\n"
            "Når det lykkes, bliver viden om stress og sygefravær en del af dagligdagen i "
            "stedet for at ende i en skuffe. Konkret sparring frem for generelle oplæg er ofte "
            "det, der gør forskellen."
        ),
        "attention_points": [
            "Giv jer tid til at finde en rådgiver og en virksomhed, der passer sammen.",
            "Tag udgangspunkt i virksomhedens situation, ikke i et standardforløb.",
            "Tal virksomhedens sprog, og undgå faglig jargon.",
            "Giv konkret sparring på de problemer, der fylder lige nu.",
            ("Som virksomhed: Vær åben over for input og nysgerrig på, hvordan viden kan bruges."),
        ],
        "quote": (
            "Rådgiveren startede med at spørge, hvordan en helt almindelig uge ser ud hos os. "
            "Først bagefter talte vi om stress – og derfor kunne jeg bruge rådene med det "
            "samme."
        ),
    },
    {
        "number": 3,
        "slug": "overdragelse-af-engagement",
        "title": "Overdragelse af engagement",
        "summary": (
            "Rådgivningen giver noget konkret, som virksomheden selv kan tage over og føre videre."
        ),
        "body": (
            "I den sidste fase skal engagementet flytte fra rådgiveren til virksomheden. "
            "Virksomheder og rådgivere var enige om, at værdien opstår, når rådgiveren leverer "
            "noget håndgribeligt, som virksomheden selv kan arbejde videre med.\n\n"
            "Det betyder mindre procesarbejde og mere vægt på konkret værdi. Et oplæg, et "
            "lille sæt redskaber eller en skabelon til samtaler kan være nok til, at "
            "virksomheden selv kan bære indsatsen.\n\n"
            "Inddrag HR og ledelse, og kobl forebyggelsen til kerneopgaven. Når ledelsen kan "
            "se, at færre stressforløb giver bedre opgaveløsning, får indsatsen et længere liv."
        ),
        "attention_points": [
            "Lever noget konkret, som virksomheden kan bruge i morgen.",
            "Skru ned for processen og op for værdiskabelsen.",
            "Inddrag HR og ledelse i overdragelsen.",
            "Forbind forebyggelse af stress med virksomhedens kerneopgave.",
            "Aftal, hvem i virksomheden der ejer indsatsen fremover.",
        ],
        "quote": (
            "Vi fik ikke et langt forløb, men en håndfuld redskaber, vi selv kunne tage i "
            "brug. Det er dem, vi stadig henter frem på personalemøderne."
        ),
    },
]

# The six stress challenges worked on in BIFROST (section brobyggermetoden).
CHALLENGES = [
    {
        "number": 1,
        "slug": "stresshaandtering",
        "title": "Stresshåndtering",
        "summary": (
            "Medarbejderne får viden om stress, så de kan opdage tegnene og bryde en "
            "stresskæde i tide."
        ),
        "body": (
            "Mange medarbejdere ved ikke præcist, hvad stress er, eller hvordan det viser sig "
            "hos dem selv og hos kollegerne. Uden fælles viden bliver tegnene let overset, "
            "indtil det er for sent.\n\n"
            "Indsatsen løfter hele medarbejdergruppens forståelse: hvad stress gør ved kroppen "
            "og ved relationerne, hvordan man opdager det tidligt, og hvad man kan gøre for at "
            "stoppe en udvikling, der går den forkerte vej.\n\n"
            "Et fælles sprog om stress gør det lettere at spørge ind til hinanden og at sige "
            "fra i tide.\n\n"
            "**Gode spørgsmål at starte med:** Hvordan ser stress ud hos os? Hvem siger noget, "
            "når en kollega er presset?"
        ),
    },
    {
        "number": 2,
        "slug": "stress-i-teamsamarbejde",
        "title": "Stress i teamsamarbejde",
        "summary": (
            "Fokus på det pres, der opstår, når opgaver skifter hænder, og forventningerne til "
            "hinanden er uklare."
        ),
        "body": (
            "Stress opstår ikke kun hos den enkelte, men også i samspillet. Når en opgave går "
            "fra én kollega til den næste, kan uklare aftaler og uudtalte forventninger give "
            "ekstra arbejde og frustration.\n\n"
            "Indsatsen ser på, hvordan teamet giver opgaver videre, kommunikerer om dem og "
            "klarer perioder med højt arbejdspres. Målet er, at samarbejdet bliver en støtte "
            "og ikke en ekstra kilde til stress.\n\n"
            "**Gode spørgsmål at starte med:** Hvor går der oftest noget tabt, når en opgave "
            "skifter hænder? Hvad forventer vi af hinanden, når det brænder på?"
        ),
    },
    {
        "number": 3,
        "slug": "stresspolitik",
        "title": "Stresspolitik",
        "summary": (
            "Klare rammer og retningslinjer for, hvordan virksomheden forebygger stress og "
            "håndterer sygefravær."
        ),
        "body": (
            "En stresspolitik beskriver, hvordan virksomheden forebygger stress, og hvad der "
            "sker, når en medarbejder bliver ramt. Den giver ledere og medarbejdere et fælles "
            "udgangspunkt, så ingen skal opfinde fremgangsmåden fra gang til gang.\n\n"
            "I en SMV behøver politikken ikke at være lang. Det vigtigste er, at den er kendt, "
            "passer til virksomhedens hverdag og bliver brugt. Rådgiveren kan hjælpe med at "
            "udvikle den sammen med medarbejderne, så den ikke bare bliver et stykke papir.\n\n"
            "**Gode spørgsmål at starte med:** Hvad gør vi i dag, når nogen bliver syge med "
            "stress? Hvad ville vi ønske, vi gjorde?"
        ),
    },
    {
        "number": 4,
        "slug": "tilbagevenden-efter-stresssygemelding",
        "title": "Tilbagevenden efter stresssygemelding",
        "summary": (
            "Information og god praksis, der inddrager det team, som skal tage imod en kollega "
            "efter en stresssygemelding."
        ),
        "body": (
            "Det er ikke kun den sygemeldte, der skal forberedes på at komme tilbage til "
            "arbejde. Kollegerne skal også vide, hvordan de bedst tager imod: hvad de kan "
            "forvente, hvad de kan sige, og hvordan opgaverne fordeles i den første tid.\n\n"
            "Indsatsen går ud på at udvikle information og en god praksis, der inddrager det "
            "modtagende team. Det skaber tryghed på begge sider og mindsker risikoen for et "
            "nyt sygeforløb.\n\n"
            "**Gode spørgsmål at starte med:** Hvad har kollegerne brug for at vide, før en "
            "kollega vender tilbage? Hvem taler med teamet?"
        ),
    },
    {
        "number": 5,
        "slug": "stress-under-organisatoriske-forandringer",
        "title": "Stress under organisatoriske forandringer",
        "summary": (
            "Rammer for samarbejdet og indsigt i, hvad der kan dæmpe stress, når "
            "organisationen skifter form."
        ),
        "body": (
            "Sammenlægninger, nye ledelseslag, flytninger og nye måder at organisere arbejdet "
            "på kan skabe usikkerhed og stress – også når forandringen er nødvendig og god.\n\n"
            "Indsatsen handler om at skabe klare rammer for samarbejdet, mens forandringen "
            "står på, og om at give ledere og medarbejdere indsigt i, hvad der kan lette "
            "presset, indtil den nye organisering har fundet sig til rette.\n\n"
            "**Gode spørgsmål at starte med:** Hvad ved medarbejderne om forandringen, og hvad "
            "gætter de sig til? Hvem kan de gå til med deres bekymringer?"
        ),
    },
    {
        "number": 6,
        "slug": "ledersparring",
        "title": "Ledersparring",
        "summary": (
            "Sparring til lederen om egen adfærd og de handlinger i hverdagen, der kan "
            "forebygge stress hos medarbejderne."
        ),
        "body": (
            "Lederens måde at prioritere, kommunikere og reagere på har stor betydning for "
            "medarbejdernes stressniveau. Ledersparring giver lederen et rum til at se på sin "
            "egen adfærd og på de små, konkrete tiltag i hverdagen.\n\n"
            "Målet er at skabe rammer for arbejdet, som ikke i sig selv stresser "
            "medarbejderne, og at lederen står bedre rustet, når en medarbejder alligevel "
            "bliver presset. I en SMV er ejerlederen ofte alene med ansvaret, og derfor kan en "
            "sparringspartner udefra gøre en stor forskel.\n\n"
            "**Gode spørgsmål at starte med:** Hvad gør jeg selv, når jeg har travlt – og hvad "
            "ser medarbejderne?"
        ),
    },
]

# Three cases, each a change logic; principles/phase/challenges are slugs above.
CASES = [
    {
        "slug": "lokalavisen-kompasset",
        "title": "Lokalavisen Kompasset: Et fælles sprog om stress",
        "summary": (
            "En lille lokalavis gav alle medarbejdere viden om stress, så de kunne opdage "
            "tegnene tidligt og hjælpe hinanden."
        ),
        "body": (
            "## Deadlines hver dag\n\n"
            "På Lokalavisen Kompasset (fiktiv) arbejder en lille redaktion tæt sammen med salg "
            "og layout. Deadlines er faste, og når én falder fra, mærker alle det med det "
            "samme. Ejerlederen havde oplevet, at stress først blev opdaget, når en "
            "medarbejder allerede var sygemeldt.\n\n"
            "## Vejen ind\n\n"
            "Sammen med rådgiveren besluttede ejerlederen at starte bredt. Inden første møde "
            "blev alle medarbejdere spurgt, hvad de gerne ville vide om stress. Svarene gav "
            "rådgiveren et godt billede af, hvad der fyldte, og gjorde det muligt at skrue "
            "oplægget sammen, så det passede til avisens hverdag.\n\n"
            "## Fra viden til fælles sprog\n\n"
            "Rådgiveren holdt et oplæg for hele medarbejdergruppen om, hvad stress er, hvordan "
            "det påvirker kroppen og samarbejdet, og hvordan man kan få øje på det. "
            "Stresstrappen blev brugt som et enkelt billede, som alle kunne tale ud fra. "
            "Bagefter drøftede medarbejderne, hvilke trin de kunne genkende fra deres egne "
            "travle uger, og hvad de kunne gøre, når en kollega var ved at komme i klemme.\n\n"
            "## Det tog de med sig\n\n"
            "Avisen fik et fælles sprog om stress, som nu bruges på redaktionsmøderne. Det er "
            "blevet mere naturligt at sige »jeg er vist på et af de høje trin i dag« – og at "
            "få hjælp til at prioritere."
        ),
        "company": "Lokalavisen Kompasset (fiktiv) – lokal nyhedsavis, medier",
        "challenge": (
            "Stress blev først opdaget, når en medarbejder allerede var sygemeldt. "
            "Medarbejderne manglede viden om, hvad stress er, og om hvordan man genkender "
            "tegnene hos sig selv og hos kollegerne.\n\n"
            "**Udfordringstype:** stresshåndtering."
        ),
        "initiative": (
            "- **Det gjorde vi:** Et fælles oplæg og en drøftelse om stress for hele "
            "medarbejdergruppen, bygget på spørgsmål, som medarbejderne selv havde sendt ind.\n"
            "- **Det skulle det ændre:** Medarbejderne forstår, hvad stress gør ved krop og "
            "relationer, kan opdage tegnene tidligt og ved, hvad de kan gøre ved dem.\n"
            "- **Det ville vi opnå:** At stresskæder bliver brudt, før de fører til sygefravær "
            "– og at det bliver naturligt at tale om stress i hverdagen."
        ),
        "knowledge_tools": (
            "- **Stresstrappen** (Andersen & Kingston 2016): en model for, hvordan stress "
            "udvikler sig trin for trin, og hvad man kan gøre på hvert trin.\n"
            "- Medarbejdernes egne spørgsmål, indsamlet før forløbet.\n"
            "- Korte opfølgende drøftelser på redaktionsmøderne."
        ),
        "references": [
            (
                "Andersen, M. F. & Kingston, M. (2016): Stop stress – Håndbog for ledelse "
                "(værktøjet Stresstrappen). København: Forlaget Klim."
            ),
        ],
        "principles": ["arbejdspladsens-engagement", "viden-om-forebyggelse-og-tta"],
        "phase": "vejen-ind",
        "challenges": ["stresshaandtering"],
    },
    {
        "slug": "forlaget-papirfuglen",
        "title": "Forlaget Papirfuglen: Når opgaver skifter hænder",
        "summary": (
            "Et mindre forlag undersøgte, hvordan overleveringer og uudtalte forventninger "
            "skabte pres i teamet – og hvad anerkendelse kunne gøre ved det."
        ),
        "body": (
            "## Mange hænder på hver bog\n\n"
            "På Forlaget Papirfuglen (fiktiv) går en bog gennem mange led: redaktør, "
            "tekstredaktør, grafiker, korrektur og marketing. Hver overlevering er et sted, "
            "hvor noget kan gå tabt. I perioder med mange udgivelser oplevede medarbejderne, "
            "at misforståelser og sene rettelser skabte et pres, som ingen rigtig ejede.\n\n"
            "## At finde hinanden\n\n"
            "Den arbejdsmiljøansvarlige var i starten skeptisk: Ville en rådgiver udefra "
            "forstå, hvordan et forlag fungerer? Rådgiveren brugte derfor de første møder på "
            "at lytte og lære forlagets arbejdsgange at kende – og talte om udgivelser og "
            "deadlines frem for psykosociale risikofaktorer. Det skabte tillid.\n\n"
            "## Anerkendelse i samarbejdet\n\n"
            "Sammen tilrettelagde de to workshops om, hvordan teamet giver opgaver videre, "
            "taler om forventninger og klarer de travle perioder. Rådgiveren introducerede et "
            "værktøj om anerkendelse, som hjalp teamet med at se og sætte ord på hinandens "
            "bidrag – også dem, der normalt ikke bliver set.\n\n"
            "## Hvor de står nu\n\n"
            "Teamet har aftalt en enkel praksis for overleveringer og en fast snak om "
            "forventninger, når en ny udgivelse går i gang. Medarbejderne beskriver "
            "samarbejdet som roligere, og uenigheder bliver taget op, mens de endnu er små."
        ),
        "company": "Forlaget Papirfuglen (fiktiv) – mindre bogforlag, medier og kommunikation",
        "challenge": (
            "Opgaver skiftede hænder mange gange i løbet af en udgivelse. Uklare aftaler og "
            "uudtalte forventninger gav ekstra arbejde og pres, især i travle perioder.\n\n"
            "**Udfordringstype:** stress i teamsamarbejde."
        ),
        "initiative": (
            "- **Det gjorde vi:** Workshops for teamet om overlevering af opgaver, "
            "kommunikation og håndtering af arbejdspres – med et anerkendelsesværktøj som "
            "fælles ramme.\n"
            "- **Det skulle det ændre:** Teamet får fælles viden og et fælles sprog om "
            "samarbejdet omkring opgaverne og tydeligere forventninger til hinanden.\n"
            "- **Det ville vi opnå:** Mindre stress i overleveringerne og et samarbejde, der "
            "støtter frem for at belaste."
        ),
        "knowledge_tools": (
            "- **Anerkendelsesværktøj 2** (Pedersen 2020): et perspektiv på stress, hvor "
            "anerkendelse i samarbejdet er omdrejningspunktet.\n"
            "- En enkel tjekliste til overlevering af opgaver, som teamet selv har udviklet.\n"
            "- Fast forventningsafstemning, når en ny udgivelse sættes i gang."
        ),
        "references": [
            (
                "Pedersen, P. S. (2020): En oplyst anerkendelsesrejse – nyt perspektiv på "
                "stress (Anerkendelsesværktøj 2). København: Fremfærd."
            ),
        ],
        "principles": ["fravaer-med-mindst-belastning", "arbejdspladsens-engagement"],
        "phase": "etablering-af-relationen",
        "challenges": ["stress-i-teamsamarbejde"],
    },
    {
        "slug": "fjordkassen",
        "title": "Fjordkassen: En fælles model for tilbagevenden",
        "summary": (
            "Et mindre pengeinstitut udviklede en model, der hjælper ledere og kolleger med at "
            "tage godt imod en medarbejder efter en stresssygemelding."
        ),
        "body": (
            "## Usikkerhed i teamet\n\n"
            "Fjordkassen (fiktiv) havde haft et par stresssygemeldinger tæt efter hinanden. "
            "Lederne gjorde deres bedste, men hver tilbagevenden blev grebet forskelligt an, "
            "og kollegerne vidste ikke, hvad de måtte spørge om, eller hvordan opgaverne "
            "skulle fordeles, når kollegaen startede op på nedsat tid.\n\n"
            "## Noget konkret frem for en lang proces\n\n"
            "Den HR-ansvarlige og rådgiveren blev hurtigt enige om, at virksomheden ikke "
            "manglede endnu en lang proces, men noget konkret. Rådgiveren introducerede en "
            "matrice over de elementer, der indgår i en TTA-proces – fra den første kontakt "
            "under sygemeldingen til opfølgningen måneder efter opstart.\n\n"
            "Med matricen som grundlag formulerede de et enkelt koncept: hvem gør hvad og "
            "hvornår, og hvordan det team, der skal tage imod, bliver inddraget. Konceptet "
            "blev afprøvet på et ledermøde og justeret efter ledernes input.\n\n"
            "## Nu kører de selv\n\n"
            "I dag bruger lederne konceptet som en fælles ramme for dialogen med både den "
            "sygemeldte og kollegerne. Rådgiveren trådte gradvist i baggrunden, og HR ejer nu "
            "processen."
        ),
        "company": "Fjordkassen (fiktiv) – mindre pengeinstitut, finans",
        "challenge": (
            "Ledere og kolleger manglede en fælles praksis for at tage imod medarbejdere efter "
            "en stresssygemelding, og det modtagende team blev sjældent inddraget.\n\n"
            "**Udfordringstype:** tilbagevenden efter stresssygemelding."
        ),
        "initiative": (
            "- **Det gjorde vi:** Med afsæt i en matrice over elementerne i en TTA-proces "
            "udviklede HR og rådgiver et konkret koncept for tilbagevenden, herunder "
            "information til det modtagende team.\n"
            "- **Det skulle det ændre:** Bedre samtaler og samspil mellem ledere og kolleger, "
            "så alle ved, hvad der skal ske, og hvem der gør hvad.\n"
            "- **Det ville vi opnå:** En tryg og holdbar tilbagevenden til arbejde – og færre "
            "tilbagefald."
        ),
        "knowledge_tools": (
            "- En **matrice over elementer i en TTA-proces**, bygget på forskning i "
            "fastholdelse og tilbagevenden til arbejde (Gensby 2014).\n"
            "- En skabelon til samtaler med den sygemeldte og med teamet.\n"
            "- Principperne for god praksis, særligt tidlig og støttende kontakt og én "
            "koordinerende person."
        ),
        "references": [
            (
                "Gensby, U. (2014): Fra sygefravær til arbejdsliv – En kritisk undersøgelse af "
                "fastholdelse og tilbagevenden til arbejde i organisationer. Roskilde: "
                "Roskilde Universitet."
            ),
        ],
        "principles": [
            "tidlig-stoettende-kontakt",
            "en-koordinerende-person",
            "fravaer-med-mindst-belastning",
        ],
        "phase": "overdragelse-af-engagement",
        "challenges": ["tilbagevenden-efter-stresssygemelding"],
    },
]

# "Hvilken rådgiverrolle har du?": rated 1-5, two statements per role.
SELF_ASSESSMENT = [
    {
        "statement": "Når jeg møder en ny virksomhed, præsenterer jeg hurtigt de ydelser, vi kan tilbyde.",
        "statement_en": "When I meet a new company, I quickly present the services we can offer.",
        "role": "produktsaelgeren",
    },
    {
        "statement": "Jeg bruger en stor del af min tid på at svare på indvendinger mod vores løsninger.",
        "statement_en": "I spend much of my time answering objections to our solutions.",
        "role": "produktsaelgeren",
    },
    {
        "statement": "Det er vigtigt for mig, at mine løsninger bygger på den bedste forskning og på faglige standarder.",
        "statement_en": "It matters to me that my solutions rest on the best research and professional standards.",
        "role": "eksperten",
    },
    {
        "statement": "Jeg designer typisk indsatsen selv og præsenterer den derefter for virksomheden.",
        "statement_en": "I usually design the initiative myself and then present it to the company.",
        "role": "eksperten",
    },
    {
        "statement": "Virksomheder kontakter mig, når de står over for en konkret beslutning og har brug for input.",
        "statement_en": "Companies contact me when they face a concrete decision and need input.",
        "role": "vaerdifuld-ressource",
    },
    {
        "statement": "Jeg hjælper virksomheden med at finde rundt i den viden og de tilbud, der findes.",
        "statement_en": "I help the company find its way through the knowledge and offers that exist.",
        "role": "vaerdifuld-ressource",
    },
    {
        "statement": "Jeg bruger tid på at forstå virksomhedens forretning og branche, før jeg giver råd.",
        "statement_en": "I take time to understand the company's business and industry before I give advice.",
        "role": "betroet-raadgiver",
    },
    {
        "statement": "Ejerlederen taler åbent med mig, også om ting, der ikke direkte handler om arbejdsmiljø.",
        "statement_en": "The owner-manager talks openly with me, also about things not directly about the work environment.",
        "role": "betroet-raadgiver",
    },
]
