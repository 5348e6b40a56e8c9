using KnowledgeBase.Core.Editing;
using KnowledgeBase.Core.Intake;
using KnowledgeBase.Core.Shared;
using KnowledgeBase.Core.Sources;
using KnowledgeBase.Web.Shared;

namespace KnowledgeBase.Web.Editing.Sources;

/// <summary>
/// The source editor without its markup: the form being edited, the live body preview, the refusals to show next to
/// each field, saving, a save over someone else's (keep mine, take theirs, merge by hand), delete and undelete.
/// <see cref="SourceEditorPage"/> renders it; tests drive it directly.
/// </summary>
public sealed class SourceEditor(EditorOperations operations)
{
    private Dictionary<string, List<string>> _errors = [];
    private List<string> _general = [];
    private uint _version;
    private string? _bodyRefusal;
    private string? _proposedSlug;
    private List<FurnitureProposal> _furniture = [];

    /// <summary>The source edited; null for a new one.</summary>
    public int? Id { get; private set; }

    public bool IsNew => Id is null;

    public bool Loaded { get; private set; }

    /// <summary>What the fields hold, as typed.</summary>
    public SourceForm Form { get; private set; } = new();

    /// <summary>
    /// The body the field shows, and its version: they change only when the server replaces the body (loading, taking
    /// theirs, a conversion), never as the editor types, so the page does not send a long body back on every change.
    /// </summary>
    public string? ShownBody { get; private set; }
    public int BodyVersion { get; private set; }

    /// <summary>The body as the source page would show it, with its footnote numbers and refusals.</summary>
    public BodyPreview Preview { get; private set; } = new(null, [], []);

    /// <summary>The slug and title as stored (not as typed).</summary>
    public string? StoredSlug { get; private set; }

    public string? StoredTitle { get; private set; }

    public bool Deleted { get; private set; }

    /// <summary>A save is under way; the page disables its button.</summary>
    public bool Saving { get; private set; }

    /// <summary>The editor ticked "Yes, delete this source".</summary>
    public bool ConfirmDelete { get; set; }

    /// <summary>After "merge by hand": the form keeps the editor's text, and saving goes over their version.</summary>
    public bool Merging { get; private set; }

    /// <summary>Someone else saved first; set until the editor chooses what to keep.</summary>
    public EditResult<SourceSnapshot>.Conflict? Conflict { get; private set; }

    /// <summary>Their version against the form, field by field.</summary>
    public IReadOnlyList<FieldChange> ConflictChanges { get; private set; } = [];

    /// <summary>Messages about the whole save rather than one field: a count of the fields to fix, a refusal.</summary>
    public IReadOnlyList<string> General => _general;

    /// <summary>Where to go after a save: the source's page, reporting how its passages were re-anchored.</summary>
    public string? SavedPage { get; private set; }

    /// <summary>Opens a new source (<paramref name="id"/> null) or a stored one; false when there is no such source.</summary>
    public async Task<bool> LoadAsync(int? id)
    {
        Id = id;
        if (id is { } sourceId)
        {
            var source = await operations.ReadAsync(services => services.GetRequiredService<SourceEditing>().FindAsync(sourceId));
            if (source is null)
            {
                return false;
            }
            Form = SourceForm.From(source.Snapshot);
            _version = source.Version;
            StoredSlug = source.Snapshot.Slug;
            StoredTitle = source.Snapshot.Title;
            Deleted = source.DeletedAt is not null;
        }
        ShowBody();
        Loaded = true;
        return true;
    }

    /// <summary>
    /// The messages for a field ("title", "footnotes[3].url"); a field without an index also gets those of its items
    /// ("authors" shows "authors[1]").
    /// </summary>
    public IReadOnlyList<string> Errors(string field) =>
        _errors.Where(e => e.Key == field || e.Key.StartsWith(field + "[", StringComparison.Ordinal) && !field.Contains('[', StringComparison.Ordinal))
            .SelectMany(e => e.Value).ToList();

    /// <summary>
    /// What is wrong with the body, shown next to its field: the last save's refusals and the preview's, which
    /// follow the typing (a body Markdown cannot render, say, is refused before any save).
    /// </summary>
    public IReadOnlyList<string> BodyErrors =>
        [.. (_bodyRefusal is null ? [] : new[] { _bodyRefusal }).Concat(Errors("bodyMarkdown")).Concat(Preview.Errors.Select(e => e.Message)).Distinct()];

    public void RefreshPreview() => Preview = SourceEditing.PreviewBody(Form.BodyMarkdown);

    /// <summary>The body as typed, read from the page; the preview follows it.</summary>
    public void BodyTyped(string body)
    {
        _bodyRefusal = null;
        Form.BodyMarkdown = body;
        RefreshPreview();
    }

    /// <summary>A body the page would not even send (past the size a body may have): said next to the field.</summary>
    public void RefuseBody(string message) => _bodyRefusal = message;

    /// <summary>A new source's slug follows its title until the editor types a slug of their own.</summary>
    public void TitleChanged()
    {
        if (IsNew && (string.IsNullOrWhiteSpace(Form.Slug) || Form.Slug == _proposedSlug))
        {
            Form.Slug = _proposedSlug = DraftRules.SlugFrom(Form.Title ?? "");
        }
    }

    /// <summary>"Start from a file or paste": the converted document fills the form, for the editor to confirm.</summary>
    public void StartFrom(byte[] content, string? url)
    {
        try
        {
            var document = DocumentConverter.Convert(content, TextValues.Blank(url));
            IntakeRefusal = null;
            Fill(document);
        }
        catch (ConversionRefusedException e)
        {
            IntakeRefusal = e.Message;
        }
    }

    /// <summary>Why the last file or paste could not be converted; shown next to the field.</summary>
    public string? IntakeRefusal { get; private set; }

    /// <summary>A file or paste refused before it was read (too large to take).</summary>
    public void RefuseIntake(string message) => IntakeRefusal = message;

    /// <summary>What the last conversion found: the notes it could not place, the counts.</summary>
    public ConvertedDocument? Conversion { get; private set; }

    /// <summary>Blocks the conversion takes for page furniture, still in the body until the editor removes them.</summary>
    public IReadOnlyList<FurnitureProposal> Furniture => _furniture;

    /// <summary>Takes a proposed block out of the body (as typed since, which the page has just read).</summary>
    public void RemoveFurniture(FurnitureProposal block)
    {
        ArgumentNullException.ThrowIfNull(block);
        var blocks = (Form.BodyMarkdown ?? "").Split("\n\n").ToList();
        blocks.Remove(block.Text);
        Form.BodyMarkdown = string.Join("\n\n", blocks);
        _furniture.Remove(block);
        ShowBody();
    }

    private void Fill(ConvertedDocument document)
    {
        var m = document.Metadata;
        Form.Title = m.Title ?? Form.Title;
        Form.Slug = _proposedSlug = document.Slug.Length > 0 ? document.Slug : Form.Slug;
        Form.ShortName = m.ShortName ?? Form.ShortName;
        Form.Authors = m.Authors.Count > 0 ? [.. m.Authors] : Form.Authors;
        Form.Publisher = m.Publisher ?? Form.Publisher;
        Form.Kind = m.Kind ?? Form.Kind;
        Form.Published = m.Published ?? Form.Published;
        Form.Url = m.Url ?? Form.Url;
        Form.EditorialNote = document.EditorialNote;
        Form.BodyMarkdown = document.Body;
        Form.Footnotes = document.Footnotes.ToDictionary(n => n.Number, n => new CitedWork
        {
            Authors = n.Authors,
            Title = n.Title,
            Outlet = n.Outlet,
            Published = n.Published,
        });
        Conversion = document;
        _furniture = [.. document.Furniture];
        ShowBody();
    }

    private void ShowBody()
    {
        ShownBody = Form.BodyMarkdown;
        BodyVersion++;
        RefreshPreview();
    }

    public async Task SaveAsync()
    {
        if (Saving)
        {
            return;
        }
        Saving = true;
        try
        {
            _general = [];
            _errors = [];
            RefreshPreview();
            var draft = Form.ToDraft(Preview.FootnoteNumbers);
            var comment = string.IsNullOrWhiteSpace(Form.Comment) ? null : Form.Comment;
            var result = await WriteAsync((editing, editor) => Id is { } id
                ? editing.UpdateAsync(id, draft, _version, editor, comment)
                : editing.CreateAsync(draft, editor, comment));
            if (result is not null)
            {
                Handle(result, draft);
            }
        }
        finally
        {
            Saving = false;
        }
    }

    private void Handle(EditResult<SourceSnapshot> result, SourceDraft draft)
    {
        switch (result)
        {
            case EditResult<SourceSnapshot>.Saved saved:
                SavedPage = Links.SourceSaved(draft.Slug!.Trim(), saved.Reanchoring ?? ReanchorReport.None);
                break;
            case EditResult<SourceSnapshot>.Invalid invalid:
                foreach (var error in invalid.Errors)
                {
                    if (error.Field.Length == 0 || error.Field == "revision")
                    {
                        _general.Add(error.Message);
                    }
                    else
                    {
                        (_errors.TryGetValue(error.Field, out var list) ? list : _errors[error.Field] = []).Add(error.Message);
                    }
                }
                var count = _errors.Values.Sum(v => v.Count);
                if (count > 0)
                {
                    _general.Insert(0, $"{count} field{(count == 1 ? "" : "s")} need{(count == 1 ? "s" : "")} a change: see the messages next to them.");
                }
                break;
            case EditResult<SourceSnapshot>.Conflict conflict:
                Conflict = conflict;
                Merging = false;
                ConflictChanges = SnapshotDiff.Compare(conflict.Current, Form.ToSnapshot(Preview.FootnoteNumbers));
                break;
            default:
                _general = ["This source no longer exists, or it was deleted meanwhile."];
                break;
        }
    }

    public async Task KeepMineAsync()
    {
        if (Conflict is { } conflict)
        {
            _version = conflict.CurrentVersion;
            Conflict = null;
            await SaveAsync();
        }
    }

    public void TakeTheirs()
    {
        if (Conflict is { } conflict)
        {
            var comment = Form.Comment;
            Form = SourceForm.From(conflict.Current);
            Form.Comment = comment;
            _version = conflict.CurrentVersion;
            ShowBody();
            Conflict = null;
        }
    }

    public void MergeByHand()
    {
        if (Conflict is { } conflict)
        {
            // The form keeps the editor's text; saving now goes over their version, which the diff still shows.
            _version = conflict.CurrentVersion;
            Merging = true;
        }
    }

    public async Task DeleteAsync()
    {
        _general = [];
        if (!ConfirmDelete)
        {
            _general = ["Tick “Yes, delete this source” to confirm."];
            return;
        }
        await SetDeletedAsync(deleted: true);
    }

    public Task UndeleteAsync()
    {
        _general = [];
        return SetDeletedAsync(deleted: false);
    }

    private async Task SetDeletedAsync(bool deleted)
    {
        if (Id is not { } id)
        {
            return;
        }
        var result = await WriteAsync((editing, editor) =>
            deleted ? editing.DeleteAsync(id, _version, editor) : editing.UndeleteAsync(id, _version, editor));
        switch (result)
        {
            case EditResult<SourceSnapshot>.Saved saved:
                _version = saved.Version;
                Deleted = deleted;
                ConfirmDelete = false;
                break;
            case { } other:
                Handle(other, Form.ToDraft(Preview.FootnoteNumbers));
                break;
        }
    }

    /// <summary>A write as the editor acting now; null (and a message) when the account may no longer edit.</summary>
    private async Task<EditResult<SourceSnapshot>?> WriteAsync(Func<SourceEditing, Editor, Task<EditResult<SourceSnapshot>>> write)
    {
        var result = await operations.WriteAsync((services, editor) => write(services.GetRequiredService<SourceEditing>(), editor));
        if (result is null)
        {
            _general = ["Only editors can change sources. Sign in again as an editor."];
        }
        return result;
    }
}
