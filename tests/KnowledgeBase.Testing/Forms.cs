using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace KnowledgeBase.Testing;

/// <summary>
/// Submits a page's form the way a browser without script would: GET the page, take the form's fields (hidden
/// inputs such as the antiforgery token and Blazor's _handler, filled-in values, checked boxes, selected options),
/// override some, and POST them to the form's action.
/// </summary>
public static class Forms
{
    public const string TokenField = "__RequestVerificationToken";

    /// <summary>A form of a page: where it posts, and the fields it would send as rendered.</summary>
    public sealed record PageForm(string Action, IReadOnlyList<KeyValuePair<string, string>> Fields)
    {
        public string? Token => Fields.FirstOrDefault(f => f.Key == TokenField).Value;
    }

    /// <summary>
    /// The form on the page at <paramref name="url"/> named <paramref name="form"/>: the Blazor form name
    /// (its _handler field) or the path it posts to.
    /// </summary>
    public static async Task<PageForm> GetFormAsync(this HttpClient client, string url, string form)
    {
        using var response = await client.GetAsync(new Uri(url, UriKind.Relative));
        var html = await response.Content.ReadAsStringAsync();
        return FindForm(html, url, form)
            ?? throw new InvalidOperationException($"GET {url} answered {(int)response.StatusCode} without a form '{form}'.");
    }

    public static PageForm? FindForm(string html, string pageUrl, string form)
    {
        var document = new HtmlParser().ParseDocument(html);
        foreach (var element in document.QuerySelectorAll("form").OfType<IHtmlFormElement>())
        {
            var action = element.GetAttribute("action") is { Length: > 0 } a ? a : pageUrl;
            var handler = element.QuerySelector("input[name=_handler]")?.GetAttribute("value");
            if (handler != form && action.Split('?')[0] != form)
            {
                continue;
            }
            var fields = new List<KeyValuePair<string, string>>();
            foreach (var input in element.QuerySelectorAll("input[name]").OfType<IHtmlInputElement>())
            {
                if (input.Type is "checkbox" or "radio" && !input.IsChecked)
                {
                    continue;
                }
                fields.Add(new(input.Name!, input.Value ?? (input.Type is "checkbox" ? "on" : "")));
            }
            foreach (var select in element.QuerySelectorAll("select[name]").OfType<IHtmlSelectElement>())
            {
                var selected = select.Options.FirstOrDefault(o => o.IsSelected) ?? (select.Options.Length > 0 ? select.Options[0] : null);
                if (selected is not null)
                {
                    fields.Add(new(select.Name!, selected.Value));
                }
            }
            foreach (var area in element.QuerySelectorAll("textarea[name]").OfType<IHtmlTextAreaElement>())
            {
                fields.Add(new(area.Name!, area.Value));
            }
            return new PageForm(action, fields);
        }
        return null;
    }

    /// <summary>
    /// GETs <paramref name="url"/>, fills in its form <paramref name="form"/> with <paramref name="values"/> (a null
    /// value removes the field) and posts it. Redirects are not followed when the client does not follow them.
    /// </summary>
    public static async Task<HttpResponseMessage> SubmitFormAsync(
        this HttpClient client, string url, string form, IReadOnlyDictionary<string, string?>? values = null)
    {
        var page = await client.GetFormAsync(url, form);
        return await client.PostFormAsync(page, values);
    }

    public static Task<HttpResponseMessage> PostFormAsync(this HttpClient client, PageForm form, IReadOnlyDictionary<string, string?>? values = null)
    {
        var fields = form.Fields.Where(f => values is null || !values.ContainsKey(f.Key)).ToList();
        if (values is not null)
        {
            fields.AddRange(values.Where(v => v.Value is not null).Select(v => new KeyValuePair<string, string>(v.Key, v.Value!)));
        }
        return client.PostAsync(new Uri(form.Action, UriKind.RelativeOrAbsolute), new FormUrlEncodedContent(fields));
    }
}
