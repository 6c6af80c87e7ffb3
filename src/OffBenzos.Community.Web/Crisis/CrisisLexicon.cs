namespace OffBenzos.Community.Web.Crisis;

/// <summary>
/// The phrase lexicon and the context word lists, compiled once. Phrases use the notation of
/// <see cref="CrisisPattern"/> over normalised text (lower case, no apostrophes: "dont", "im", "cant").
/// </summary>
/// <remarks>
/// Written for a benzodiazepine withdrawal forum: taper words ("cut", "hold", "jump", "dose") are everyday
/// talk here, so phrases around them are narrow ("cut myself", never "cutting again"; "jumped off completely",
/// never "jumped at 0.125 mg").
/// </remarks>
internal sealed class CrisisLexicon
{
    private static readonly Dictionary<string, string[]> Classes = WithCombinedClasses(new(StringComparer.Ordinal)
    {
        ["benzo"] =
        [
            "alprazolam", "xanax*", "xan", "klon*", "clon*", "kpin*", "diaz*", "valium*", "vallium", "loraz*", "ativan*",
            "temaz*", "restoril", "oxaz*", "librium", "chlordiaz*", "nitraz*", "lormet*", "bromaz*", "lexotan", "clobaz*",
            "frisium", "midaz*", "triaz*", "halcion", "etiz*", "benzo", "benzos", "benzodiazepine*", "zopiclone", "zolpidem", "ambien",
        ],
        ["pills"] = ["pill", "pills", "tablet", "tablets", "tabs", "tab", "meds", "med", "medication", "medications", "medicine", "medicines", "capsule", "capsules"],
        ["containers"] = ["bottle", "bottles", "box", "boxes", "pack", "packs", "packet", "packets", "strip", "strips", "supply", "stash", "bag"],
        ["alcohol"] =
        [
            "alcohol", "booze", "wine", "wines", "beer", "beers", "vodka", "whisky", "whiskey", "gin", "rum", "tequila", "liquor",
            "spirits", "shots", "cider", "lager", "pints", "pint", "drinks", "drunk", "drank", "drinking", "prosecco",
            "champagne", "bourbon", "brandy",
        ],
        ["opioid"] =
        [
            "opioid*", "opiate*", "fentanyl", "heroin", "oxy", "oxycodone", "oxycontin", "oxys", "percocet*", "hydrocodone",
            "vicodin", "morphine", "methadone", "suboxone", "subutex", "bupe", "buprenorphine", "codeine", "cocodamol",
            "tramadol", "kratom", "dilaudid", "hydromorphone", "tapentadol", "dihydrocodeine",
        ],
        ["selves"] = ["myself", "herself", "himself", "themselves", "themself"],
        ["yourself"] = ["yourself", "yourselves"],
        ["someone"] =
        [
            "he", "she", "hes", "shes", "husband", "wife", "partner", "son", "daughter", "mum", "mom", "mother", "dad",
            "father", "brother", "sister", "friend", "boyfriend", "girlfriend", "fiance", "fiancee", "grandma", "grandmother",
            "grandad", "grandfather", "aunt", "uncle", "child", "kid",
        ],
    });

    public CrisisLexicon()
    {
        AddSuicideOrSelfHarm();
        AddMedicalEmergency();
        AddMethodDetail();
        AddEncouragingSelfHarm();
    }

    private readonly List<CrisisCue> _cues = [];

    public IReadOnlyList<CrisisCue> Cues => _cues;

    /// <summary>What can be stockpiled or swallowed at once, and what is dangerous with a benzodiazepine.</summary>
    private static Dictionary<string, string[]> WithCombinedClasses(Dictionary<string, string[]> classes)
    {
        classes["stock"] = [.. classes["pills"], .. classes["benzo"], .. classes["containers"], "doses", "them"];
        classes["substance"] = [.. classes["alcohol"], .. classes["opioid"]];
        return classes;
    }

    // ---- Context word lists (see CrisisDetector for how each is used) ----

    public CrisisWordSet Negators { get; } = CrisisWordSet.Of(
        "not|no|never|dont|didnt|doesnt|isnt|arent|wasnt|werent|havent|hasnt|hadnt|wont|wouldnt|shouldnt|cant|nor|neither|without|zero|none");

    /// <summary>A negator followed by one of these does not negate what comes later ("can't stop thinking about", "don't know why").</summary>
    public CrisisWordSet NegationExceptions { get; } = CrisisWordSet.Of(
        "one|stop|help|only|matter|thought|imagined|expected|knew|know|sure|care|mind|get|understand|see|think|believe|realise|realize|remember|want");

    /// <summary>Words that close the window a negation reaches across.</summary>
    public CrisisWordSet ClauseWords { get; } = CrisisWordSet.Of(
        "but|though|although|however|yet|except|because|so|and|or|whereas|while|then|until|when|since|which|that");

    public CrisisWordSet Addressed { get; } = CrisisWordSet.Of("you|your|youd|yall|ye");

    public CrisisWordSet FirstPerson { get; } = CrisisWordSet.Of("i|im|ive|id|ill|me|my|mine|myself|we|our|us");

    public CrisisWordSet Me { get; } = CrisisWordSet.Of("i|im|ive|id|ill|me|my|mine|myself");

    /// <summary>A conditional opens its own clause for negation: "if I didn't have my cat I'd be gone".</summary>
    public CrisisWordSet NegationStops { get; } = CrisisWordSet.Of("if|unless");

    public CrisisWordSet SomeoneElse { get; } = new(Classes["someone"].Concat(["him", "her", "his", "herself", "himself", "themselves", "they", "theyre"]));

    /// <summary>A sentence starting with one of these has a dropped "I" ("Took two Xanax and some beer").</summary>
    public CrisisWordSet SubjectDropped { get; } = CrisisWordSet.Of(
        "took|taken|had|drank|mixed|swallowed|used|popped|ran|run|stopped|quit|went|jumped|feeling|felt|been|having|hallucinating|seeing|hearing|day|cant|couldnt|just|think|pretty|so|really|getting|keep|out|missed|woke|waking");

    public IReadOnlyList<CrisisPattern> PersonPhrases { get; } = Compile("anyone else", "is it|this|that normal", "@someone");

    /// <summary>Someone saying they live it, which keeps a risk word even in an educational sentence.</summary>
    public IReadOnlyList<CrisisPattern> Experience { get; } = Compile(
        "im", "i am", "i|ive|id feel|felt|feeling|keep|get|got|been|have|had|having", "anyone else");

    /// <summary>A sentence that starts like this is the writer's own experience ("Feeling suicidal tonight").</summary>
    public CrisisWordSet ExperienceOpeners { get; } = CrisisWordSet.Of("been|feeling|getting|having|felt|still");

    /// <summary>A work being described: the narrow form that cancels even a first-person phrase ("the song says ...").</summary>
    public IReadOnlyList<CrisisPattern> DocumentFraming { get; } = Compile(
        "leaflet|label|insert|manual|article|study|song|lyric*|film|movie|book|character|episode|novel|website|wikipedia|poem|quote|plot|story|show ~3 says|said|lists|listed|describes|mentions|warns|sings|calls|called|talks|goes|about",
        "side effect|effects", "lyric*");

    public IReadOnlyList<CrisisPattern> Documents { get; } = Compile(
        "leaflet|leaflets|label|labels|insert|manual|ashton|article|articles|study|studies|research|paper|website|book|textbook|guide|guidelines",
        "warning|warnings|warns|fda|nhs|lyric*|song|songs|film|movie|episode|character|novel|news|podcast|documentary|wikipedia|listed|lists|describes|described",
        "side effect|effects", "black box");

    public IReadOnlyList<CrisisPattern> Reported { get; } = Compile(
        "said|says|say|told|tells|tell|warned|warn|explained|explains|according|read|reading|asked|asks|mentioned|claims|claimed|learned|learnt",
        "heard that|about");

    /// <summary>For encouragement: reporting or warning about what others say.</summary>
    public IReadOnlyList<CrisisPattern> Reporting { get; } = Compile(
        "tells|told|tell|telling|says|said|say|saying|wrote|writes|messaged|posted|commented|called|report|reported|listen|believe",
        "anyone|someone|people|somebody who", "if|when someone|anyone|somebody|people");

    public IReadOnlyList<CrisisPattern> GenericSubject { get; } = Compile(
        "people|someone|somebody|patients|users|folks|persons|anybody",
        "anyone", "can|may|could|might|will ~2 cause|make|lead|trigger|increase|happen|occur",
        "common|rare|rarely|risk|risks|symptom|symptoms|possible|listed");

    /// <summary>Fear, wishes, plans and conditions before a medical cue: it has not happened.</summary>
    public IReadOnlyList<CrisisPattern> Hypothetical { get; } = Compile(
        "afraid|scared|terrified|worried|worry|worries|worrying|fear|fears|fearing|frightened|nervous|anxious|paranoid|panicking",
        "might|could|may|would|should|if|whether|unless|case|risk|risks|chance|chances|possible|possibility|likely|unlikely",
        "prevent|avoid|avoiding|dreamt|dreamed|dream|dreaming|nightmare|nightmares|imagine|imagined|imagining",
        "want|wants|wanted|wanting|tempted|can|considering",
        "thought|thinking|think about|of", "told|asked|advised|suggested ~2 me|him|her to");

    /// <summary>Plans and the future before a medical cue. Unlike fear, a time word does not beat these
    /// ("I'm going to take all 60 tonight"): only something happening now does.</summary>
    public IReadOnlyList<CrisisPattern> Future { get; } = Compile(
        "plan|planning|plans|planned|gonna|will|ill|shall", "going to");

    /// <summary>Something in progress now, the only thing that beats a plan or the future.</summary>
    public IReadOnlyList<CrisisPattern> InProgress { get; } = Compile(
        "im|am|is|hes|shes|keep|keeps|been|be|started|still having|seizing|convulsing|hallucinating|seeing|hearing",
        "just had|took|overdosed|swallowed", "right now", "just now", "currently");

    /// <summary>Words that say a medical event is happening now; they beat fear, questions and reported framing.</summary>
    public IReadOnlyList<CrisisPattern> HappeningNow { get; } = Compile(
        "right now", "just now", "currently", "at the moment", "today", "tonight", "this morning|afternoon|evening",
        "yesterday", "last night", "#n|an|a|few|couple hour|hours|minute|minutes ago",
        "im|am|is|hes|shes|keep|keeps|been|be|started|still having|seizing|convulsing|hallucinating|seeing|hearing",
        "just had|took|overdosed|swallowed", "help me|please", "what do|should i do");

    public IReadOnlyList<CrisisPattern> Past { get; } = Compile(
        "year|years|month|months|decade|decades ago|back|since|earlier", "last year|month|summer|winter|spring|autumn|christmas|taper|time",
        "back in|then", "when i|she|he was|were", "used to", "in the past", "history of", "as a kid|child|teenager|teen",
        "in #y", "#y", "since then|childhood", "first|previous|old|earlier taper", "long ago", "once before", "years back");

    public IReadOnlyList<CrisisPattern> Present { get; } = Compile(
        "now", "right now", "just now", "currently", "today", "tonight", "this morning|afternoon|evening|week", "yesterday",
        "last night|week", "#n|a|an|few|couple hours|hour|days|day|minutes|minute ago", "hours|days|minutes ago", "earlier",
        "just", "again", "still", "at the moment", "keep|keeps|im|is|are|been having", "started", "anymore");

    public CrisisWordSet QuestionOpeners { get; } = CrisisWordSet.Of(
        "can|could|does|do|did|will|would|might|may|is|are|should|how|what|why|when|which|whats|hows|has|have|if|any|anyone|who|where");

    public IReadOnlyList<CrisisPattern> PersonalQuestions { get; } = Compile(
        "is it|this|that normal", "anyone else", "what do|should i do", "should i go|call", "am i", "is this|that a", "do i need");

    private static IReadOnlyList<CrisisPattern> Compile(params string[] patterns) =>
        [.. patterns.Select(p => CrisisPattern.Parse(p, Classes))];

    private void Add(CrisisCategory category, CrisisCueKind kind, string patterns, string? notFollowedBy = null,
        string? notPrecededBy = null, string? vetoes = null, string? requires = null)
    {
        static IReadOnlyList<CrisisPattern> Split(string? list) =>
            list is null ? [] : Compile(list.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));

        _cues.Add(new CrisisCue
        {
            Category = category,
            Kind = kind,
            Patterns = Split(patterns),
            NotFollowedBy = notFollowedBy is null ? null : CrisisWordSet.Of(notFollowedBy),
            NotPrecededBy = notPrecededBy is null ? null : CrisisWordSet.Of(notPrecededBy),
            Vetoes = Split(vetoes),
            Requires = Split(requires),
        });
    }

    private void AddSuicideOrSelfHarm()
    {
        const CrisisCategory S = CrisisCategory.SuicideOrSelfHarm;
        const CrisisCueKind E = CrisisCueKind.Expression;

        // Wanting to die or not to exist.
        Add(S, E, "want|wanted|wanting|wants|wish|wished|wishing|ready|deserve|deserves|prefer|longing|longed to die|dead");
        Add(S, E, "want|wanted|wanting|wants|wish|wished|ready to be dead|gone; want|wanted|wanting|wants|wish to not be here|alive|around");
        Add(S, E, "want|wanted|wanting|wants|wish to stop existing|living|breathing; want|wanted|wanting|wants|wish to disappear|vanish; want|wanted|wanting|wants|wish to not exist");
        Add(S, E, "want|wanted|wanting|wants|going|plan|planning|ready|tempted to overdose|od");
        Add(S, E, "wish|wishes|wished|wishing i|id|she|he|they was|were ~1 dead|gone; wish|wished|wishing i|id could|would ~2 die|disappear|vanish; wish|wishing i|id never existed; wish|wishing i|id was|were|had never ~1 born");
        Add(S, E, "wish|wished|wishing i|id ~2 never woken|woke|wake|woke; wish|wished|wishing i|id ~2 not|wouldnt|didnt wake");
        Add(S, E, "rather|better be dead; better off dead");
        Add(S, E, "dont|doesnt|didnt|never|longer ~2 want|wants|wanted to live|exist|survive|wake; dont|doesnt|didnt|never|longer ~2 want|wants|wanted to be alive|here|around; dont|doesnt|didnt|never|longer ~2 want|wants|wanted to go|carry on; dont|doesnt|didnt|never|longer ~2 want|wants|wanted to keep going; dont|doesnt|didnt|never|longer ~2 want|wants|wanted to be on|in this|the earth|world|planet");
        Add(S, E, "dont care if i die|live|wake|dead; wouldnt mind ~1 dying|dead|not|never");
        Add(S, E, "hope|hopes|pray|prays|praying|hoping|wish|wishes i ~1 dont|wont|never|not|dont wake; sleep ~2 never|not wake; want|wish|wanna|ready|like ~4 sleep forever|permanently");
        Add(S, E, "dont know if|whether i want to live|exist|survive; dont know if|whether i want to be alive|here; dont know if|whether i want to go|keep|carry on|going");
        Add(S, E, "dont know how much longer i can; not sure ~2 want to be alive|here|around; not sure ~2 want to live|exist|go|keep|carry; unsure ~2 want to live|exist|go|keep|carry");
        Add(S, E, "dont think i can|could keep going|on; dont think i can|could go|carry|hold on; dont think i can|could survive|last this|much|anymore");

        // Killing or harming oneself.
        Add(S, E, "kill|killing|killed|kills|off|offing @selves; hang|hanging|hanged @selves");
        Add(S, E, "what i|id|ill|he|she|they|might ~3 do to @selves");
        Add(S, E, "until|till|til ~2 bled|bleed|bleeds|bleeding; blade|razor|knife ~3 wrist|wrists|arm|arms|skin|throat");
        Add(S, E, "do something|anything stupid|drastic; walk|walking|walked|swim|swimming into the sea|ocean|river|lake|traffic");
        Add(S, E, "disappear|vanish ~3 never come back; disappear|vanish forever|permanently; disappear|vanish for good");
        Add(S, E, "planning|plan|planned|plotting ~1 my|an exit|death|suicide|escape");
        Add(S, E, "in case|if i ~1 dont|wont|not make it|survive");
        Add(S, E, "id|ill be gone|dead ~1 already|by|soon|now; i would|will be gone|dead ~1 already|by|soon|now; if it wasnt|werent|werent for ~4 id|wouldnt|would|still");
        Add(S, E, "not sure ~3 stay|keep ~1 myself? safe; cant|cannot|unsure|struggling|hard ~3 stay|keep ~1 myself? safe; dont think ~3 stay|keep ~1 myself? safe");
        Add(S, E, "feel|feeling|felt like dying; hate|hating being alive|living");
        Add(S, E, "saying|said|say goodbye|goodbyes to ~2 people|everyone|everybody|friends|family");
        Add(S, E, "planning|planned|plan|worked|figured|decided|know|knew ~2 how i|id|ill|to ~1 do|end it");
        Add(S, E, "end|ending|ended|take|taking|took|taken my|her|his|their own? life|lives", notFollowedBy: "back|into|over|by", vetoes: "hands");
        Add(S, E, "hurt|hurting|harm|harming|cut|cutting|cuts|burn|burning|burned|burnt|injure|injuring|starve|starving|punish @selves",
            notFollowedBy: "some|slack|a|short|free|loose|off|up|out|down|shaving|cooking");
        Add(S, E, "slit|slitting|slash|slashing|cut|cutting my|her|his wrists|wrist|arms|arm|legs|thighs");
        Add(S, E, "overdose|overdosing|overdosed|overdoses|od on purpose; overdose|overdosing|overdosed|overdoses|od deliberately|intentionally");
        Add(S, E, "took|taken|swallowed ~3 @stock|lot|too|all ~2 on purpose; took|taken|swallowed ~3 @stock|lot|too|all ~2 deliberately|intentionally");
        Add(S, E, "jump|jumping ~1 off|from a|the bridge|building|roof|cliff|balcony|tower; throw|throwing|jump|jumping|step|stepping ~1 in front of a|the train|car|bus|lorry|truck");

        // Wanting it to end.
        Add(S, E, "want|wanted|wanting|need|going|ready|plan|planning|decided|decide|tempted|about to end it|everything|things|myself", notFollowedBy: "with");
        Add(S, E, "ending it|things|everything|myself; end it|everything all; ending it all", notFollowedBy: "with");
        Add(S, E, "want|wanted|wish|need ~1 it|this|everything|life ~1 to end|stop; want|wanted|wish|need ~1 it|this|everything|life ~1 to be over; want|wanted|wish|need it|everything|life all? over");

        // Burden and not being missed.
        Add(S, E, "better|happier|easier ~1 off? without me; better|happier|easier|relieved|off ~2 if i ~1 was|were gone|dead; better|happier|easier|relieved|off ~2 if i ~1 wasnt|werent|died|disappeared|left");
        Add(S, E, "better off ~3 life insurance; life insurance ~4 better off|pay|payout");
        Add(S, E, "a burden to|on; im|am a? burden");
        Add(S, E, "fine|cope|better|happier|easier|relieved|okay|ok|notice|care ~3 if i ~1 died|dead|gone; no one ~1 would|will|is|going ~1 miss|mourn me; no one ~2 notice|care|miss ~2 if i ~1 died|disappeared|gone|dead|wasnt|werent|killed|vanished; anyone|anybody ~2 notice|care|miss ~2 if i ~1 died|disappeared|gone|dead|wasnt|werent|killed|vanished");

        // No point, tired of living, can't go on.
        Add(S, E, "no|zero point|reason|will|desire|wish ~1 living|live|alive|existing|exist|anymore; no|zero point|reason ~1 go|going|carry|carrying|keep|keeping on|going");
        Add(S, E, "dont|cant|doesnt|cannot see ~1 the|any point ~2 living|going|carrying|anymore|life|existing|alive|on");
        Add(S, E, "done with life|living|existing; give|giving|gave|given up on ~3 life|living; give|giving|gave|given up for good; bother living|existing|waking");
        Add(S, E, "lost|losing|lose ~2 will|desire|reason|wish to live");
        Add(S, E, "life ~3 pointless|meaningless|hopeless; want|wanted|wish|need out of ~1 life|existence");
        Add(S, E, "whats|what the point of|in ~1 living|life|anything|going|existing|being; whats|what the point anymore");
        Add(S, E, "nothing ~1 to live for; not|isnt|arent|aint worth living; not|isnt worth it anymore");
        Add(S, E, "tired|sick|exhausted of|with living|life|existing|existence; tired|sick|exhausted of|with being alive|here");
        Add(S, E, "cant|couldnt go|carry|keep on|going|living; cant do|take|handle|bear|stand ~1 this|it ~1 anymore|longer|more");

        // Thinking about death, preparing.
        Add(S, E, "think|thinking|thought|thoughts about|of ~1 dying|death|suicide");
        Add(S, E, "picture|picturing|imagine|imagining|planning|plan|planned|planed my own? funeral");
        Add(S, E, "giving|gave|give|given ~2 things|stuff|belongings|possessions ~1 away; wont|not need ~1 them|anything|these|my ~1 much longer");
        Add(S, E, "wont|not be here|around ~1 much|for? longer|long; will not be here|around ~1 much|for? longer|long");
        Add(S, E, "wrote|written|writing|write|left|leave ~3 goodbye|suicide|farewell letter|letters|note|notes; said|saying|say my goodbyes; this is goodbye");
        Add(S, E, "dont|cant see ~1 a|any way out|other; only|my way out|escape", notFollowedBy: "is|of");
        Add(S, E, "death|dying ~4 only relief|escape|option|way|answer|solution|choice|peace; death|dying ~3 relief|blessing|mercy|welcome|release");
        Add(S, E, "i|id|ill|when|finally ~2 end it|everything|things|my", notFollowedBy: "with");

        // Risk words on their own.
        Add(S, CrisisCueKind.RiskTerm, "suicid*",
            notFollowedBy: "hotline|hotlines|helpline|helplines|line|lines|prevention|awareness|rate|rates|statistics|stats|crisis|number|numbers|squad|watch|risk");
        Add(S, CrisisCueKind.RiskTerm, "self harm|harming|harmed|injury|injure|injuring|injured|harmer");
    }

    private void AddMedicalEmergency()
    {
        const CrisisCategory M = CrisisCategory.MedicalEmergency;
        const CrisisCueKind V = CrisisCueKind.MedicalEvent;

        // Seizures and convulsions.
        Add(M, V, "had|have|having|has|get|getting|got|gets|keep|kept|experiencing|experienced|suffered|suffering|went|gone|another|first|was|been ~3 seizure|seizures|convulsion|convulsions; going|go into ~2 seizure|seizures|convulsion|convulsions",
            notFollowedBy: "free|meds|medication|medications|medicine|risk|threshold|disorder|warning|warnings|prevention");
        Add(M, V, "seizing|convulsing|convulsed|convulse|convulses", notFollowedBy: "up");
        Add(M, V, "feel|feels|feeling|felt like ~2 going|about to have ~1 seizure|seizures|convulsion|fit");
        Add(M, V, "this|that|it ~1 a seizure|seizures|convulsion; epileptic fit|fits; think i|it had|was a fit; having fits; eyes ~2 rolled|rolling back");
        Add(M, V, "@someone|i|ive|im|just|then|and ~2 collapsed|collapsing|fainted|blacked|unconscious|unresponsive; jerking|shaking|convulsing|thrashing|twitching ~2 on the floor");
        Add(M, V, "unconscious|unresponsive; cant|cannot|couldnt wake ~1 him|her|them; not|barely|stopped breathing; think ~2 having|had ~1 a fit|fits");
        Add(M, V, "came|come|coming round|to on the floor; woke|woken|waking|found|came ~2 on the floor", vetoes: "sleeping|slept|yoga|exercise|stretching");

        // Hallucinations and losing touch with reality.
        Add(M, V, "hallucinating|hallucinated|hallucinate|hallucinates");
        Add(M, V, "have|having|had|has|getting|get|got|keep|experiencing|seeing|started|start|been|these|my|her|his ~2 hallucination|hallucinations");
        Add(M, V, "seeing|see|saw|seen ~6 arent|werent|isnt|wasnt|not there|real");
        Add(M, V, "seeing|see|saw|seen things|bugs|insects|spiders|snakes|shadow|shadows",
            notFollowedBy: "differently|clearly|through|more|as|from|better|improve|improving|getting|happen|change|changing|coming|going|get|pick|in|out|the|positively|for");
        Add(M, V, "hearing|hear|heard voices|whispers|whispering; voices ~2 back|telling|talking|saying|louder|again|keep");
        Add(M, V, "seeing|see|saw ~3 faces|figures|shapes|people|things|flashes|shadows ~4 wall|walls|wallpaper|ceiling|curtains|move|moving|talk|talking|corner");
        Add(M, V, "seeing|see|saw|seen|talking|talks|talk|hearing ~6 arent|werent|isnt|wasnt|not in the room|house; hearing|hear|heard things",
            notFollowedBy: "about|from|like|on|said|people");
        Add(M, V, "hearing|hear|heard ~3 music|talking|voices|footsteps|knocking|whispering ~5 empty|nobody|alone");
        Add(M, V, "faces|figures|shadows|shapes|voices|things ~5 talking|talk|talks|whispering ~1 to? me");
        Add(M, V, "cant|dont|not|cannot|couldnt|didnt ~1 tell|know|sure ~1 whats|what|if ~3 real|dreaming|awake");
        Add(M, V, "losing|lost|lose touch with reality; walls|floor|room|ceiling ~1 moving|breathing|melting|crawling; everything ~1 melting|breathing");

        // Confusion and delirium.
        Add(M, V, "delirious; in|having|has|had|into|think|its delirium");
        Add(M, V, "disoriented|disorientation");
        Add(M, V, "doesnt|didnt|cant|couldnt know|remember what day|year|month it|is|was; dont know what day|year|month ~4 or|and ~3 where|who; dont|didnt|doesnt|cant|couldnt know|remember where i|he|she|they live|lives");
        Add(M, V, "dont|didnt|doesnt|cant|couldnt know|remember where|who i|he|she|they am|is|was|are|were",
            notFollowedBy: "going|with|in|on|at|heading|supposed|meant|doing|anymore|now|trying|taking");
        Add(M, V, "doesnt|didnt|dont|cant|wont|couldnt recognise|recognize|recognising|recognizing me|us|her|him|anyone|people|his|her|my|family");
        Add(M, V, "keeps|keep|kept|is|was asking ~1 where|who|what ~1 he|she|i|they|we ~1 is|am|are|was|were");
        Add(M, V, "@someone|im|i ~2 isnt|not|wasnt making ~1 sense", notFollowedBy: "to|of|for");
        Add(M, V, "@someone ~3 confused|confusion", notFollowedBy: "about|by|with|over|why|how|what|which|whether|if|as|regarding|when|on|at");
        Add(M, V, "severe|sudden|extreme|acute|total|complete|serious confusion; confused and ~1 disoriented|delirious|agitated|lost|hallucinating");

        // Overdose.
        Add(M, V, "overdosed|overdosing; took|taken|take|taking|had|having ~1 an|a? overdose; i|ive|think|just|maybe|probably overdose");
        Add(M, V, "took|taken|swallowed|popped|ate|downed ~2 too many|much", notFollowedBy: "time|notice|effort|out|on|care|off|of");
        Add(M, V, "took|taken|swallowed|popped|ate|downed ~2 all|whole|handful|every|bunch|rest|full|entire|lot|load|loads ~3 @stock",
            vetoes: "morning|evening|nightly|daily|usual|regular|vitamins|supplements|prescribed|normal");
        Add(M, V, "took|taken|swallowed|popped|ate|downed ~1 #m ~2 @stock");
        Add(M, V, "accidentally|mistakenly ~3 took|doubled|double|tripled|swallowed|taken; took|doubled|tripled|taken|swallowed ~5 by mistake|accident");

        // Mixing with alcohol or opioids.
        Add(M, CrisisCueKind.Mixing, "@substance ~8 @benzo|@pills|dose|doses; @benzo|@pills ~8 @substance",
            vetoes: "water|tea|coffee|juice|milk|chamomile|decaf|smoothie|soda|squash|cocoa",
            requires: "took|taken|take|taking|drank|drink|drinking|drunk|had|having|mixed|mixing|mix|combined|combining|used|using|popped|washed|swallowed|snorted|smoked|injected; on top");

        // Stopping abruptly or having run out.
        const string SlowTaper = "slowly|gradually|tapered|tapering|weaned|weaning|titration; slow|gradual|long|my taper";
        Add(M, V, "cold turkey",
            vetoes: "caffeine|coffee|sugar|smoking|cigarettes|cigs|nicotine|vaping|vape|alcohol|drinking|booze|gluten|chocolate|social|porn|gambling|weed|cannabis|meat|dairy|soda|junk|sweets|carbs");
        Add(M, V, "stopped|stopping|quit|quitting|dropped ~2 @benzo|@pills; stopped|stopping|quit|quitting taking it|them", vetoes: SlowTaper);
        Add(M, V, "jumped|jumping off ~1 @benzo|@pills|everything|completely; came|come|coming|went|gone|got off ~1 everything|completely", vetoes: SlowTaper);
        Add(M, V, "came|come|coming|went|gone|got off ~1 @benzo|@pills", vetoes: SlowTaper,
            requires: "abruptly|suddenly|overnight|straight|cold|immediately; all at once; in one go; no|without ~1 taper|tapering|warning; #n|two|three|few|couple days|hours ago; yesterday|today");
        Add(M, V, "jumped|jumping|jump off|ship? completely|everything|entirely|altogether|abruptly|overnight; jumped|jumping off from; jumped|jumping ~2 to zero|nothing|0");
        Add(M, V, "to zero|nothing|0 overnight|abruptly|suddenly|immediately|instantly");
        Add(M, V, "ran|run|running|runs out of ~2 @benzo|@pills|doses|prescription|script|supply");
        Add(M, V, "ran|run out", notFollowedBy: "of|the|to|into|onto|from|through|door|with|a|in|at|for|there|here|like|after|screaming");
        Add(M, V, "im|am|was|been|were|completely|totally|already|now out of ~1 @benzo|@pills");
        Add(M, V, "no|zero|none ~1 @benzo|@pills|doses left");
        Add(M, V, "pharmacy|pharmacist|doctor|gp|psychiatrist|prescriber|chemist|clinic|insurance|insurer ~2 refused|refuses|wont|wouldnt|cant|couldnt|denied|stopped ~1 fill|refill|prescribe|renew|dispense|give|cover",
            notFollowedBy: "more|extra|another");
        Add(M, V, "doctor|gp|psychiatrist|prescriber|pdoc|psych|clinic|they|she|he|pharmacy|insurance ~3 cut|took|pulled|kicked me off", notFollowedBy: "slowly|gradually|over");
        Add(M, V, "missed|skipped ~2 doses; missed|skipped #n days of ~1 doses|dose|meds|pills|@benzo");
        Add(M, V, "havent|hadnt had|taken ~3 @benzo|@pills|dose|doses|benzos for|in|since");
        Add(M, V, "doctor|gp|psychiatrist|prescriber|pdoc|psych|clinic ~1 stopped|discontinued|withdrew|pulled|cut ~2 @benzo|@pills", notFollowedBy: "slowly|gradually|over");
        Add(M, V, "been|gone|went off ~1 @benzo|@pills for #n|a ~1 days|day|hours");
        Add(M, V, "had|taken nothing|none for|in ~1 #n|a|few days|day; been|gone|went|going without ~1 @stock|them|it for|since");
        Add(M, V, "couldnt|cant|unable|cannot get ~1 my|a? prescription|refill|meds|pills|@benzo");
    }

    private void AddMethodDetail()
    {
        const CrisisCategory D = CrisisCategory.MethodDetail;
        const CrisisCueKind K = CrisisCueKind.Method;
        const string Lethal = "kill|killed|die|dying|dead|death|lethal|fatal|deadly|overdose|wake|sure|permanent|permanently|forever|breathing|end";

        Add(D, K, "lethal|fatal|deadly|toxic|overdose ~1 dose|doses|amount|amounts|quantity|level|levels|limit", notFollowedBy: "of");
        Add(D, K, "lethal|fatal|deadly|toxic|overdose ~1 dose|doses|amount|amounts|quantity|level|levels|limit of ~2 @stock|@substance|it|them|this|that");
        Add(D, K, "amount|quantity|number|dose ~5 lethal|fatal|deadly|kill|killed|die", vetoes: "people|patients|users|deaths|year|years|statistics");
        Add(D, K, "@stock|mg|bottle ~3 would|will|could|can|does|do|to kill ~1 me|someone|you|a|person; would|will|could that|it|this do it; would|will|could that|it|this kill me; would|will|could that|it|this do the job", requires: "@stock|mg|bottle|all|whole");
        Add(D, K, "counted|counting|count ~3 @stock", requires: "more than enough; plenty");
        Add(D, K, "picked|chosen|chose|found|know ~1 the|a spot|place|location ~3 river|bridge|cliff|tracks|railway|lake|sea|roof");
        Add(D, K, "@stock ~2 and ~2 @alcohol ~1 ready; @alcohol ~2 and ~2 @stock ~1 ready");
        Add(D, K, "put|putting|tucked|set|hid|hidden|squirreled|stashed ~1 away|aside", requires: "@stock");
        Add(D, K, "keep|kept|keeping|holding|held|putting back|aside ~3 @stock", vetoes: "kids|children|child|grandkids|dog|cat|pets|safe|lockbox|locked|reach|fridge");
        Add(D, K, "most|more|least lethal|deadly|fatal");
        Add(D, K, "how many|much ~5 lethal|fatal|deadly|kill|killed|die|overdose; how many|much ~6 stop ~2 breathing|heart",
            vetoes: "people|patients|users|deaths|year|years|each|statistics");
        Add(D, K, "how many|much ~3 would|will|does|do|did it take; how many|much ~3 it would|will take|takes",
            notFollowedBy: "to|for|before|until", vetoes: "weeks|months|days|years|hours|minutes|cuts|steps|time|long");
        Add(D, K, "how many|much ~3 would|will|does|do it take to|for|before ~3 " + Lethal + "|not|never|sleep|make");
        Add(D, K, "how many|much ~2 i|you|someone|one need|needs|have ~1 take|swallow", requires: Lethal);
        Add(D, K, "enough ~4 to|for kill|die|end|overdose|finish; enough ~4 to not|never wake; enough ~4 to do it; enough ~4 to make sure");
        Add(D, K, "saving|saved|save|stockpiling|stockpiled|stockpile|hoarding|hoarded|hoard|stashing|stashed|storing|stored|squirreling ~4 @stock",
            vetoes: "return|returning|back|dispose|disposal|disposing|liquid|titration|titrate|titrating|scale|organiser|organizer|lockbox|locked|travel|holiday|trip|vacation|kids|children|money");
        Add(D, K, "collecting ~4 @stock; been collecting", vetoes: "pharmacy|chemist|pharmacist|pick|pickup|collect|tomorrow|today|prescription");
        Add(D, K, "stockpil*|hoard*", vetoes: "food|groceries|supplies|water|toilet|masks|books|snacks|yarn");
        Add(D, K, "#n ~2 @stock ~1 saved|stored|stashed|hidden|stockpiled|aside; stash ~2 @stock|#n");
        Add(D, K, "keep|kept|keeping ~3 bottle|@stock ~2 aside|hidden|saved|back", vetoes: "kids|children|child|grandkids|dog|cat|pets|safe|lockbox|locked|reach|fridge");
        Add(D, K, "take|swallow|down|taking|swallowing the|a? all|every|everything|whole|lot|rest ~4 @stock|bottle|pill|left|them|lot|house; take|swallow|down them|those|these|it all|together",
            requires: "going|gonna|plan|planning|will|tonight|enough|end|die|done|wake|should|once|forever|friday|weekend");
        Add(D, K, "would|will|is it|that|this be enough", notFollowedBy: "to|for|of|time|sleep|support|help|food", requires: "@stock|bottle|pill|all|whole");
        Add(D, K, "bought|buy|buying|got|have|found|ordered|tied|tie|tying|made|making ~2 rope|noose|ligature; noose");
        Add(D, K, "worked|picked|chosen|chose|found|decided|scouted|figured ~2 bridge|cliff|roof|method; which|what bridge|cliff|method; which ~1 bridge|building|roof|cliff|tower|balcony ~3 jump|use");
        Add(D, K, "picked|set|chosen|chose a|the date ~6 ready|pills|rope|everything", vetoes: "cut|taper|scale|appointment|jump|hold|updose");
        Add(D, K, "painless|easiest|quickest|best|surest|fastest|quietest|peaceful|peacefully ~1 way|ways|method|methods to|of die|dying|kill|suicide|overdose");
        Add(D, K, "ways|how to kill|end myself|yourself|it|my; how to die");
    }

    private void AddEncouragingSelfHarm()
    {
        const CrisisCategory X = CrisisCategory.EncouragingSelfHarm;
        const CrisisCueKind K = CrisisCueKind.Encouragement;

        Add(X, K, "kill|killing|off|end|hang @yourself");
        Add(X, K, "should|just|go|deserve|need|ought|better ~3 hurt|cut|harm|burn|starve @yourself", notFollowedBy: "some|slack|a|short|free|loose|off|up|out|down");
        Add(X, K, "no one ~2 would|will|is|gonna|wouldnt|even ~2 miss|care|notice|mourn ~3 you|your");
        Add(X, K, "better off without you; you|youd ~3 better off dead");
        Add(X, K, "do|doing us|everyone|everybody|the|world ~2 favour|favor ~4 die|died|dead|dying|end|kill|disappear|overdose|jump|off");
        Add(X, K, "better|happier|easier ~2 off? if you ~1 were|was dead|gone; better|happier|easier ~2 off? if you ~1 died|disappeared|killed");
        Add(X, K, "hope|wish you ~1 die|dies|died|dead|overdose|rot; hope|wish you ~1 dont|wont|never|not wake; you should have ~1 overdosed|died|killed|ended|jumped");
        Add(X, K, "you deserve|deserved to die; you should|could|need|ought ~1 die|overdose|disappear");
        Add(X, K, "you should ~1 take ~2 all|whole|every|everything|them; just take ~2 all|whole|every|them");
        Add(X, K, "go ~1 die|overdose|jump|hang; why dont you ~1 die|overdose|kill|end|take|jump|hang|off|disappear; just go ~2 die|overdose");
        Add(X, K, "just die|overdose; just end it; go ~1 end it", notPrecededBy: "i|id|we|they|he|she|would|might|could|will|ill|almost|nearly|literally|to|want|wanna");
        Add(X, K, "take|swallow|down ~2 all|whole|every ~2 your", requires: "once|together|done|die|dead|end|overdose|forever|fix|cure|solve");
        Add(X, K, "drink|drinking ~1 bleach");
        Add(X, K, "you should|could ~2 jump|go off|from ~2 bridge|cliff|building|roof|window|balcony");
        Add(X, K, "end your life|lives");
    }
}
