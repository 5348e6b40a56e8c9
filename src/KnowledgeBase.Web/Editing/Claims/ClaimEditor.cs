using System.Globalization;
using KnowledgeBase.Core.Data;
using KnowledgeBase.Core.Editing;
using KnowledgeBase.Web.Citing;
using KnowledgeBase.Web.Shared;

namespace KnowledgeBase.Web.Editing.Claims;

/// <summary>
/// The claim editor without its markup: the draft being edited, the live anchoring and agreement preview, the refusals
/// to show next to each field, saving, a save over someone else's (keep mine, take theirs, merge by hand), delete and
/// undelete. <see cref="ClaimEditorPage"/> renders it; tests drive it directly.
/// </summary>
public sealed class ClaimEditor(EditorOperations operations)
{
    public enum Confirmation { None, Delete, Undelete }

    private uint _version;
    private IReadOnlyList<FieldError> _saveErrors = [];
    private int _previews;

    /// <summary>The claim edited; null for a new one.</summary>
    public long? Id { get; private set; }

    public bool Loaded { get; private set; }

    /// <summary>What the form holds; the services get copies, never this object.</summary>
    public ClaimDraft Draft { get; private set; } = NewDraft();

    public string? Comment { get; set; }

    /// <summary>The claim's slug as stored (not as typed).</summary>
    public string? StoredSlug { get; private set; }

    public DateTimeOffset? DeletedAt { get; private set; }

    public IReadOnlyList<SourceOption> Sources { get; private set; } = [];

    public IReadOnlyList<TopicOption> Topics { get; private set; } = [];

    /// <summary>What the draft would show if saved now; null until the first preview.</summary>
    public ClaimPreview? Preview { get; private set; }

    /// <summary>The statement lint's warning for the draft as it stands (firmer than its quotes); it never blocks a save.</summary>
    public string? StatementWarning => Preview?.Warning?.Message;

    /// <summary>A write is under way; the page disables its buttons.</summary>
    public bool Busy { get; private set; }

    /// <summary>Which confirmation the page asks for, if any.</summary>
    public Confirmation Confirming { get; set; }

    public string? Notice { get; private set; }

    /// <summary>Why nothing was saved, when it is no field's fault.</summary>
    public string? Failure { get; private set; }

    /// <summary>Someone else saved first; set until the editor chooses what to keep.</summary>
    public EditResult<ClaimSnapshot>.Conflict? Conflict { get; private set; }

    /// <summary>The revision that caused the conflict.</summary>
    public RevisionSummary? ConflictBy { get; private set; }

    /// <summary>Their version against the draft, field by field.</summary>
    public IReadOnlyList<FieldChange> ConflictChanges { get; private set; } = [];

    /// <summary>After "merge by hand": the editor's own draft, shown beside the form that now holds theirs.</summary>
    public ClaimDraft? MineBeside { get; private set; }

    /// <summary>Where to go after a save: the claim's page, announcing the revision.</summary>
    public string? SavedPage { get; private set; }

    private static ClaimDraft NewDraft() => new() { Citations = [new CitationDraft()] };

    /// <summary>Opens a new claim (<paramref name="id"/> null) or a stored one; false when there is no such claim.</summary>
    public async Task<bool> LoadAsync(long? id)
    {
        Id = id;
        var claim = await operations.ReadAsync(async services =>
        {
            var db = services.GetRequiredService<KnowledgeBaseDb>();
            Sources = await ClaimEditorQueries.SourcesAsync(db, CancellationToken.None);
            Topics = await ClaimEditorQueries.TopicsAsync(db, CancellationToken.None);
            return id is { } claimId ? await services.GetRequiredService<ClaimEditing>().FindAsync(claimId) : null;
        });
        if (id is not null)
        {
            if (claim is null)
            {
                return false;
            }
            Load(claim.Snapshot, claim.Version);
            DeletedAt = claim.DeletedAt;
            await PreviewAsync();
        }
        Loaded = true;
        return true;
    }

    private void Load(ClaimSnapshot snapshot, uint version)
    {
        Draft = snapshot.ToDraft();
        if (Draft.Citations.Count == 0)
        {
            Draft.Citations.Add(new CitationDraft());
        }
        _version = version;
        StoredSlug = snapshot.Slug;
    }

    /// <summary>What the latest preview found for citation <paramref name="index"/>; null before it or when it did not reach that citation.</summary>
    public CitationPreview? PreviewOf(int index) => Preview?.Citations.FirstOrDefault(p => p.Index == index);

    /// <summary>
    /// Citation <paramref name="index"/>'s voice, certainty and as-of time with what the evidence model proposes for its
    /// quote (from the latest preview); its "Use proposal" writes into the draft, and the next preview reads it.
    /// </summary>
    public CitationEvidenceChoices Evidence(int index) => new(Draft.Citations[index], PreviewOf(index)?.Proposal);

    // ---- errors ----

    /// <summary>
    /// What the form shows: the live preview's refusals of the citations the editor has started (so an empty new form is
    /// not a wall of errors), the override's, and the last save's refusals of everything else.
    /// </summary>
    public IReadOnlyList<FieldError> ShownErrors
    {
        get
        {
            var live = Preview?.Errors.Where(e => IsLive(e.Field)).ToList() ?? [];
            return [.. live, .. _saveErrors.Where(e => !IsLive(e.Field) || Preview is null)];
        }
    }

    private bool IsLive(string field)
    {
        if (field.StartsWith("override", StringComparison.Ordinal))
        {
            return true;
        }
        if (!field.StartsWith("citations[", StringComparison.Ordinal))
        {
            return false;
        }
        var close = field.IndexOf(']', StringComparison.Ordinal);
        return close > 10 && int.TryParse(field[10..close], NumberStyles.None, CultureInfo.InvariantCulture, out var i)
            && i < Draft.Citations.Count && !string.IsNullOrWhiteSpace(Draft.Citations[i].Quote);
    }

    /// <summary>Refusals of the whole claim rather than of a field.</summary>
    public IEnumerable<FieldError> GeneralErrors => _saveErrors.Where(e => e.Field is "" or "revision");

    /// <summary>The message to show next to a field ("statement", "citations[0].quote", …), if any.</summary>
    public string? Message(string field) => ShownErrors.FirstOrDefault(e => e.Field == field)?.Message;

    /// <summary>The topics fieldset's message: about the list, or about one topic in it.</summary>
    public string? TopicsMessage =>
        ShownErrors.FirstOrDefault(e => e.Field == "topics" || e.Field.StartsWith("topics[", StringComparison.Ordinal))?.Message;

    // ---- editing ----

    public void ToggleTopic(string slug, bool on)
    {
        Draft.Topics.Remove(slug);
        if (on)
        {
            Draft.Topics.Add(slug);
        }
    }

    public void AddCitation() => Draft.Citations.Add(new CitationDraft());

    /// <summary>Removes a citation (never the last one) and previews what is left.</summary>
    public async Task RemoveCitationAsync(int index)
    {
        if (Draft.Citations.Count > 1 && index < Draft.Citations.Count)
        {
            Draft.Citations.RemoveAt(index);
            await PreviewAsync();
        }
    }

    public void HideMine() => MineBeside = null;

    /// <summary>
    /// Cites the words the address names (selected on a source page, see <see cref="CitedSelection"/>): the first
    /// citation still empty takes them, else a new one. Returns why not, when the address names words that cannot be cited.
    /// </summary>
    public async Task<string?> CiteSelectionAsync(string? source, string? start, string? end)
    {
        var (selection, refusal) = await operations.ReadAsync(services =>
            CitedSelection.ReadAsync(services.GetRequiredService<KnowledgeBaseDb>(), source, start, end, CancellationToken.None));
        if (selection is not null)
        {
            var empty = Draft.Citations.FindIndex(c => string.IsNullOrWhiteSpace(c.Quote) && c.SourceId is null && string.IsNullOrEmpty(c.SourceSlug));
            if (empty >= 0)
            {
                Draft.Citations[empty] = selection.ToDraft();
            }
            else
            {
                Draft.Citations.Add(selection.ToDraft());
            }
            await PreviewAsync();
        }
        return refusal;
    }

    /// <summary>Puts back the draft this browser kept (<see cref="KeptDraft{TDraft}"/>) and previews it.</summary>
    public Task RestoreAsync(ClaimDraft kept)
    {
        ArgumentNullException.ThrowIfNull(kept);
        Draft = kept;
        if (Draft.Citations.Count == 0)
        {
            Draft.Citations.Add(new CitationDraft());
        }
        return PreviewAsync();
    }

    /// <summary>Anchors the draft's quotes and derives its flag, as a save would, without writing.</summary>
    public async Task PreviewAsync(CancellationToken ct = default)
    {
        var draft = Draft.Copy();
        var ticket = ++_previews;
        var preview = await operations.ReadAsync(services => services.GetRequiredService<ClaimEditing>().PreviewAgreementAsync(draft, Id, ct));
        // Previews may finish out of order: only the latest started, and not superseded, describes the draft as it is.
        if (ticket == _previews && !ct.IsCancellationRequested)
        {
            Preview = preview;
        }
    }

    // ---- writes ----

    public Task SaveAsync() => WriteAsync((editing, editor) =>
        Id is { } id
            ? editing.UpdateAsync(id, Draft.Copy(), _version, editor, Comment)
            : editing.CreateAsync(Draft.Copy(), editor, Comment));

    public Task KeepMineAsync()
    {
        if (Conflict is { } conflict)
        {
            // Saving over theirs, knowingly: the version they saved is the one to replace.
            _version = conflict.CurrentVersion;
        }
        return SaveAsync();
    }

    public async Task TakeTheirsAsync()
    {
        if (Conflict is { } conflict)
        {
            Load(conflict.Current, conflict.CurrentVersion);
            Conflict = null;
            MineBeside = null;
            _saveErrors = [];
            Notice = "The form now holds their version; your changes were set aside.";
            await PreviewAsync();
        }
    }

    public async Task MergeByHandAsync()
    {
        if (Conflict is { } conflict)
        {
            MineBeside = Draft.Copy();
            Load(conflict.Current, conflict.CurrentVersion);
            Conflict = null;
            _saveErrors = [];
            Notice = "The form now holds their version, with your draft beside it: bring in what you want to keep, then save.";
            await PreviewAsync();
        }
    }

    public Task DeleteAsync() => WriteAsync((editing, editor) => editing.DeleteAsync(Id!.Value, _version, editor, Comment));

    public Task UndeleteAsync() => WriteAsync((editing, editor) => editing.UndeleteAsync(Id!.Value, _version, editor, Comment));

    private async Task WriteAsync(Func<ClaimEditing, Editor, Task<EditResult<ClaimSnapshot>>> write)
    {
        if (Busy)
        {
            return;
        }
        Busy = true;
        Failure = null;
        Notice = null;
        try
        {
            var result = await operations.WriteAsync((services, editor) => write(services.GetRequiredService<ClaimEditing>(), editor));
            switch (result)
            {
                case null:
                    Failure = "Your account may no longer edit. Sign in again with an editor's account; your draft is still here.";
                    break;
                case EditResult<ClaimSnapshot>.Saved saved:
                    await AfterSaveAsync(saved);
                    break;
                case EditResult<ClaimSnapshot>.Invalid invalid:
                    _saveErrors = invalid.Errors;
                    await PreviewAsync();
                    break;
                case EditResult<ClaimSnapshot>.Conflict conflict:
                    var latest = await operations.ReadAsync(services => Core.Editing.History.RevisionsAsync(
                        services.GetRequiredService<KnowledgeBaseDb>(), RevisionEntity.Claim, Id ?? 0, null, CancellationToken.None, pageSize: 1));
                    ConflictBy = latest.Items.Count > 0 ? latest.Items[0] : null;
                    ConflictChanges = ClaimDrafts.Differences(conflict.Current, ClaimDrafts.Snapshot(Draft, Preview, Sources));
                    Conflict = conflict;
                    Confirming = Confirmation.None;
                    break;
                case EditResult<ClaimSnapshot>.NotFound:
                    Failure = "This claim no longer exists or has been deleted meanwhile.";
                    break;
            }
        }
        finally
        {
            Busy = false;
        }
    }

    private async Task AfterSaveAsync(EditResult<ClaimSnapshot>.Saved saved)
    {
        var claim = await operations.ReadAsync(services => services.GetRequiredService<ClaimEditing>().FindAsync(saved.Id));
        if (claim is null)
        {
            return;
        }
        if (claim.DeletedAt is not null || DeletedAt is not null)
        {
            // Deleted or undeleted: stay here, showing the new state.
            DeletedAt = claim.DeletedAt;
            Load(claim.Snapshot, claim.Version);
            Conflict = null;
            Confirming = Confirmation.None;
            Comment = null;
            Notice = claim.DeletedAt is null
                ? $"Undeleted (revision {saved.RevisionNumber})."
                : $"Deleted (revision {saved.RevisionNumber}). Readers no longer see this claim.";
            return;
        }
        SavedPage = Links.ClaimSaved(saved.Id, claim.Snapshot.Slug, saved.RevisionNumber);
    }
}
