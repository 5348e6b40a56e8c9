using KnowledgeBase.Core.Agreement;
using KnowledgeBase.Core.Data;
using KnowledgeBase.Core.Sources;
using KnowledgeBase.IntegrationTests.Editing;
using Microsoft.EntityFrameworkCore;

namespace KnowledgeBase.IntegrationTests.Sources;

/// <summary>Each passage keeps the sentence its words lie in, so readers of citations never read a document's text.</summary>
[Collection(EditingCollection.Name)]
public sealed class PassageSentenceTests(SeededTemplate template) : IAsyncLifetime
{
    private SeededDatabase _database = null!;
    private KnowledgeBaseDb _db = null!;

    public async Task InitializeAsync()
    {
        _database = await SeededDatabase.CopyAsync(template);
        _db = _database.NewDb();
    }

    public async Task DisposeAsync()
    {
        await _db.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task The_import_keeps_each_passages_sentence_as_found_in_its_documents_text()
    {
        var passages = await _db.Passages.AsNoTracking()
            .Select(p => new { p.Start, p.End, p.Exact, p.Sentence, p.Source!.CanonicalText })
            .ToListAsync();

        Assert.NotEmpty(passages);
        Assert.All(passages, p =>
        {
            Assert.Equal(QuoteSentence.Around(p.CanonicalText, p.Start, p.End), p.Sentence);
            Assert.Contains(p.Exact, p.Sentence!, StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task Passages_stored_before_sentences_were_kept_are_filled_from_their_documents_and_only_they()
    {
        var expected = await _db.Passages.AsNoTracking().OrderBy(p => p.Id).Select(p => p.Sentence).ToListAsync();
        var cleared = await _db.Passages.Where(p => p.Id % 2 == 0).ExecuteUpdateAsync(s => s.SetProperty(p => p.Sentence, (string?)null));
        Assert.True(cleared > 0);

        Assert.Equal(cleared, await PassageSentences.FillMissingAsync(_db));

        Assert.Equal(expected, await _db.Passages.AsNoTracking().OrderBy(p => p.Id).Select(p => p.Sentence).ToListAsync());
        Assert.Equal(0, await PassageSentences.FillMissingAsync(_db));
    }
}
