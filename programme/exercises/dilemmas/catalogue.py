"""The example dilemmas the workshop catalogue starts with (`services.dilemma_seed_catalogue`)."""

# Example dilemmas for the workshop catalogue: fictional and generic, no real people.
EXAMPLE_DILEMMAS = [
    (
        "Medarbejderen der skjuler sit stress",
        "En dygtig medarbejder siger, at alt går fint. Kollegerne har dog lagt mærke til, at "
        "hun arbejder sent, glemmer aftaler og ikke længere spiser med til frokost. Hvornår "
        "og hvordan tager lederen snakken uden at træde ind i privatlivet?",
    ),
    (
        "Kollegaen der dækker over",
        "En kollega har i flere måneder stille og roligt overtaget opgaver fra en makker, "
        "der har det svært. Nu er kollegaen selv ved at køre træt, men vil ikke „sladre“. "
        "Hvad gør lederen, når problemet først bliver synligt så sent?",
    ),
    (
        "Nedsat tid midt i travlheden",
        "En medarbejder på vej tilbage efter en sygemelding beder om færre timer i de "
        "måneder, hvor virksomheden har allermest travlt. Hvordan vejes hensynet til "
        "medarbejderen mod kundernes frister og resten af teamet?",
    ),
    (
        "Hvor meget skal teamet vide?",
        "En medarbejder vender tilbage efter en stresssygemelding og ønsker ikke, at "
        "kollegerne får noget at vide. Teamet undrer sig over de ændrede opgaver og "
        "arbejdstider. Hvad kan og bør lederen sige, og til hvem?",
    ),
    (
        "Lederen der selv er presset",
        "Ejerlederen skal støtte en medarbejder under pres, men er selv hårdt spændt for "
        "og har ingen at sparre med. Hvem støtter lederen, og hvornår giver det mening at "
        "hente en ekstern rådgiver ind?",
    ),
]
