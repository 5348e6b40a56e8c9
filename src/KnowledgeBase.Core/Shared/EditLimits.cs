namespace KnowledgeBase.Core.Shared;

/// <summary>The longest text each field takes: the column sizes, and caps on what has no column of its own.</summary>
public static class EditLimits
{
    public const int Slug = 120;
    public const int Statement = 2000;
    public const int Figure = 300;
    public const int OverrideReason = 2000;
    public const int Attribution = 300;
    public const int Quote = 5000;
    public const int AsOfWords = 300;

    /// <summary>A prefix or suffix only has to single out one occurrence of the quote.</summary>
    public const int QuoteContext = 200;

    public const int Topics = 20;
    public const int Citations = 50;

    public const int Title = 500;
    public const int ShortName = 60;
    public const int Author = 200;
    public const int Authors = 50;
    public const int Publisher = 300;
    public const int Kind = 60;
    public const int Url = 2000;
    public const int EditorialNote = 5000;
    public const int CitedAuthors = 500;
    public const int CitedTitle = 1000;
    public const int CitedOutlet = 300;

    public const int AuthorId = 450;
    public const int AuthorName = 256;
    public const int Comment = 2000;
}
