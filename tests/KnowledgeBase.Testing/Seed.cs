namespace KnowledgeBase.Testing;

/// <summary>
/// Facts of seed-data/ that tests rely on, named once: when the seed changes, this is the one place to follow it.
/// Constants, so that attributes and constant URLs can use them.
/// </summary>
public static class Seed
{
    /// <summary>Claims in seed-data/claims.yaml.</summary>
    public const int ClaimCount = 84;

    /// <summary>Claims cited by both documents.</summary>
    public const int ClaimsCitedByBoth = 18;

    /// <summary>Documents in seed-data/sources/.</summary>
    public const int SourceCount = 2;

    /// <summary>Topics in seed-data/topics.yaml.</summary>
    public const int TopicCount = 9;

    /// <summary>The USIP analysis (Lami Kim, November 2024), seed-data/sources/usip-2024-seoul-response.md.</summary>
    public static class Usip
    {
        public const string Slug = "usip-2024-seoul-response";
    }

    /// <summary>The MP-IDSA commentary (Ranjit Kumar Dhawan, 5 December 2024), the source with footnotes.</summary>
    public static class MpIdsa
    {
        public const string Slug = "idsa-2024-south-korea-response";
        public const int FootnoteCount = 27;

        /// <summary>The footnotes whose markers the conversion lost and the editors restored.</summary>
        public static readonly int[] RestoredMarkers = [13, 14, 25, 26];
    }

    /// <summary>Claim slugs.</summary>
    public static class Claims
    {
        public const string TroopsSentToRussia = "troops-sent-to-russia";
        public const string TroopsInKursk = "troops-in-kursk";
        public const string CombatBegun = "combat-begun";
        public const string TroopsInMarineAndAirborneUnits = "troops-in-marine-and-airborne-units";
        public const string CannonFodder = "cannon-fodder";
        public const string About500Killed = "about-500-killed";
        public const string RussiaPaysNorthKorea = "russia-pays-north-korea";
        public const string RussianTechnologyTransfer = "russian-technology-transfer";
        public const string ArmsRaceRisk = "arms-race-risk";
        public const string SeoulStanceOnArmingUkraine = "seoul-stance-on-arming-ukraine";
        public const string SeoulResponseMeasured = "seoul-response-measured";
        public const string SeoulCountermeasures = "seoul-countermeasures";
        public const string HardCurrencyGain = "hard-currency-gain";
        public const string MilitaryBalanceShift = "military-balance-shift";
        public const string SeoulWaitAndWatch = "seoul-wait-and-watch";
        public const string ArmsResponseMuted = "arms-response-muted";
        public const string YoonArmsStanceTimeline = "yoon-arms-stance-timeline";
        public const string TrumpVictoryAnxiety = "trump-victory-anxiety";
        public const string KurskSurpriseAttack = "kursk-surprise-attack";
        public const string CombatPredictedLateOctober = "combat-predicted-late-october";
        public const string TrumpTransactionalApproach = "trump-transactional-approach";
        public const string Contributions394Million = "contributions-394-million";
        public const string NoDirectLethalArms = "no-direct-lethal-arms";
        public const string ForeignTradeActClause = "foreign-trade-act-clause";
        public const string DirectArmsViolateTradeAct = "direct-arms-violate-trade-act";
        public const string PublicOpposesArmingUkraine = "public-opposes-arming-ukraine";
        public const string ArmsSalesBackfill = "arms-sales-backfill";
    }

    /// <summary>Topic slugs.</summary>
    public static class Topics
    {
        public const string TroopDeployment = "troop-deployment";
        public const string RussiaNorthKoreaTies = "russia-north-korea-ties";
        public const string KoreanPeninsulaSecurity = "korean-peninsula-security";
        public const string SeoulResponse = "seoul-response";
        public const string AidToUkraine = "aid-to-ukraine";
        public const string DomesticConstraints = "domestic-constraints";
    }

    /// <summary>Outlet slugs (the outlets the MP-IDSA footnotes cite).</summary>
    public static class Outlets
    {
        public const string TheKoreaTimes = "the-korea-times";
        public const string KoreaJoongAngDaily = "korea-joongang-daily";
    }
}
