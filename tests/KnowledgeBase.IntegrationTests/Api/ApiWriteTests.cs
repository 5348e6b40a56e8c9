using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using KnowledgeBase.Core.Accounts;
using KnowledgeBase.Core.Data;
using KnowledgeBase.Core.Editing;
using KnowledgeBase.Testing;
using KnowledgeBase.Web.Accounts;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KnowledgeBase.IntegrationTests.Api;

/// <summary>A seeded app of its own for the write API's tests: they add and change claims, which the shared app's read tests count.</summary>
public sealed class ApiWriteApp : KnowledgeBaseApp;

[CollectionDefinition(Name)]
public sealed class ApiWriteCollection : ICollectionFixture<ApiWriteApp>
{
    public const string Name = "api write app";
}

[Collection(ApiWriteCollection.Name)]
public sealed class ApiWriteTests(ApiWriteApp app)
{
    private const string UsipTroops = "North Korea has sent approximately 10,000 troops to Russia";
    private const string IdsaTroops = "thousands of North Korean troops are reported to have been currently deployed in Russia";

    private static object NewClaim(string quote = UsipTroops, string source = Seed.Usip.Slug, string? comment = null) => new
    {
        statement = $"A test claim {Guid.NewGuid():N}.",
        topics = new[] { Seed.Topics.TroopDeployment },
        figure = "about 10,000 troops",
        citations = new[] { new { source, quote, stance = "supports", figure = "approximately 10,000 troops" } },
        comment,
    };

    private async Task<HttpClient> EditorAsync(string role = Roles.Editor) => ApiClient.For(app).WithToken((await app.ApiTokenAsync(role)).Token);

    private static Task<HttpResponseMessage> SendAsync(HttpClient client, HttpMethod method, string url, object? body = null, string? ifMatch = null)
    {
        var request = new HttpRequestMessage(method, new Uri(url, UriKind.Relative));
        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }
        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }
        return client.SendAsync(request);
    }

    private static Task<JsonElement> ProblemAsync(HttpResponseMessage response, HttpStatusCode status) => response.ReadProblemAsync(status);

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri} answered {(int)response.StatusCode}, not {(int)status}: {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    private static string ETag(HttpResponseMessage response) => response.Headers.ETag?.ToString() ?? throw new InvalidOperationException("No ETag.");

    /// <summary>Creates a claim citing USIP's troop figure; returns its id and ETag.</summary>
    private static async Task<(long Id, string ETag)> CreateAsync(HttpClient client)
    {
        using var created = await SendAsync(client, HttpMethod.Post, "/api/v1/claims", NewClaim());
        var claim = await JsonAsync(created, HttpStatusCode.Created);
        return (claim.GetProperty("id").GetInt64(), ETag(created));
    }

    [Fact]
    public async Task A_write_without_a_token_is_401_with_a_bearer_challenge()
    {
        using var response = await SendAsync(ApiClient.For(app), HttpMethod.Post, "/api/v1/claims", NewClaim());
        var problem = await ProblemAsync(response, HttpStatusCode.Unauthorized);
        Assert.Equal("/api#unauthorized", problem.GetProperty("type").GetString());
        var challenge = Assert.Single(response.Headers.WwwAuthenticate);
        Assert.Equal("Bearer", challenge.Scheme);
        Assert.DoesNotContain("error=", challenge.Parameter ?? "", StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("garbage")]
    [InlineData("kb_0123456789ab_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    public async Task A_garbage_or_unknown_token_is_401(string token)
    {
        using var response = await SendAsync(ApiClient.For(app).WithToken(token), HttpMethod.Post, "/api/v1/claims", NewClaim());
        await ProblemAsync(response, HttpStatusCode.Unauthorized);
        Assert.Contains("invalid_token", Assert.Single(response.Headers.WwwAuthenticate).Parameter, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_token_with_a_wrong_secret_is_401_even_with_a_real_prefix()
    {
        var (_, token) = await app.ApiTokenAsync(Roles.Editor);
        var forged = token[..^4] + (token.EndsWith("AAAA", StringComparison.Ordinal) ? "BBBB" : "AAAA");
        using var response = await SendAsync(ApiClient.For(app).WithToken(forged), HttpMethod.Post, "/api/v1/claims", NewClaim());
        var problem = await ProblemAsync(response, HttpStatusCode.Unauthorized);
        Assert.Equal("This is not a valid API token.", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task A_revoked_token_is_401()
    {
        var (_, token) = await app.ApiTokenAsync(Roles.Editor);
        var client = ApiClient.For(app).WithToken(token);
        var (id, etag) = await CreateAsync(client);

        await using (var scope = app.Services.CreateAsyncScope())
        {
            Assert.True(await scope.ServiceProvider.GetRequiredService<ApiTokens>().RevokeAsync(ApiTokens.ParsePrefix(token)!, null, null));
        }

        using var response = await SendAsync(client, HttpMethod.Delete, $"/api/v1/claims/{id}", ifMatch: etag);
        var problem = await ProblemAsync(response, HttpStatusCode.Unauthorized);
        Assert.Contains("revoked", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_expired_token_is_401()
    {
        var account = await app.CreateAccountAsync(Roles.Editor);
        var token = await app.IssueApiTokenAsync(account, DateTimeOffset.UtcNow.AddDays(1));
        var prefix = ApiTokens.ParsePrefix(token);
        await app.QueryAsync(db => db.ApiTokens.Where(t => t.Prefix == prefix)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.ExpiresAt, DateTimeOffset.UtcNow.AddSeconds(-1))));

        using var response = await SendAsync(ApiClient.For(app).WithToken(token), HttpMethod.Post, "/api/v1/claims", NewClaim());
        var problem = await ProblemAsync(response, HttpStatusCode.Unauthorized);
        Assert.Contains("expired", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_locked_accounts_token_is_401()
    {
        var (account, token) = await app.ApiTokenAsync(Roles.Editor);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<EditorUser>>();
            await users.SetLockoutEndDateAsync((await users.FindByIdAsync(account.Id))!, DateTimeOffset.UtcNow.AddHours(1));
        }
        using var response = await SendAsync(ApiClient.For(app).WithToken(token), HttpMethod.Post, "/api/v1/claims", NewClaim());
        await ProblemAsync(response, HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_readers_token_is_403()
    {
        var (_, token) = await app.ApiTokenAsync(null);
        using var response = await SendAsync(ApiClient.For(app).WithToken(token), HttpMethod.Post, "/api/v1/claims", NewClaim());
        var problem = await ProblemAsync(response, HttpStatusCode.Forbidden);
        Assert.Equal("/api#forbidden", problem.GetProperty("type").GetString());
    }

    [Fact]
    public async Task A_demoted_accounts_token_loses_its_write_rights_at_once()
    {
        var (account, token) = await app.ApiTokenAsync(Roles.Editor);
        var client = ApiClient.For(app).WithToken(token);
        await CreateAsync(client);

        await using (var scope = app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<EditorUser>>();
            Assert.True((await users.RemoveFromRoleAsync((await users.FindByIdAsync(account.Id))!, Roles.Editor)).Succeeded);
        }

        using var response = await SendAsync(client, HttpMethod.Post, "/api/v1/claims", NewClaim());
        await ProblemAsync(response, HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_deleted_accounts_token_is_gone()
    {
        var (account, token) = await app.ApiTokenAsync(Roles.Editor);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<EditorUser>>();
            Assert.True((await users.DeleteAsync((await users.FindByIdAsync(account.Id))!)).Succeeded);
        }
        using var response = await SendAsync(ApiClient.For(app).WithToken(token), HttpMethod.Post, "/api/v1/claims", NewClaim());
        await ProblemAsync(response, HttpStatusCode.Unauthorized);
        Assert.Equal(0, await app.QueryAsync(db => db.ApiTokens.CountAsync(t => t.UserId == account.Id)));
    }

    [Fact]
    public async Task A_signed_in_editors_cookie_does_not_authorize_an_api_write()
    {
        var browser = await app.SignInAsync(Roles.Editor);
        using var response = await SendAsync(browser, HttpMethod.Post, "/api/v1/claims", NewClaim());
        await ProblemAsync(response, HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Create_anchors_the_citations_derives_the_flag_and_records_a_revision_by_the_tokens_user()
    {
        var (account, token) = await app.ApiTokenAsync(Roles.Editor);
        var client = ApiClient.For(app).WithToken(token);

        using var response = await SendAsync(client, HttpMethod.Post, "/api/v1/claims", NewClaim(comment: "From the import script."));
        var claim = await JsonAsync(response, HttpStatusCode.Created);
        var id = claim.GetProperty("id").GetInt64();
        Assert.Equal($"/api/v1/claims/{id}", response.Headers.Location?.OriginalString);
        Assert.Matches("^\"[0-9]+\"$", ETag(response));

        var citation = Assert.Single(claim.GetProperty("citations").EnumerateArray());
        Assert.Equal(UsipTroops, citation.GetProperty("selector").GetProperty("exact").GetString());
        var text = await app.QueryAsync(db => db.Sources.Where(s => s.Slug == Seed.Usip.Slug).Select(s => s.CanonicalText).SingleAsync());
        var selector = citation.GetProperty("selector");
        Assert.Equal(UsipTroops, text[selector.GetProperty("start").GetInt32()..selector.GetProperty("end").GetInt32()]);
        Assert.Equal("single-source", claim.GetProperty("agreement").GetProperty("flag").GetString());
        Assert.Equal(Seed.Topics.TroopDeployment, Assert.Single(claim.GetProperty("topics").EnumerateArray()).GetProperty("slug").GetString());

        var revision = await app.QueryAsync(db => db.Revisions.AsNoTracking()
            .SingleAsync(r => r.EntityType == RevisionEntity.Claim && r.EntityId == id));
        Assert.Equal(RevisionAction.Created, revision.Action);
        Assert.Equal(account.Id, revision.AuthorId);
        Assert.Equal(account.DisplayName, revision.AuthorName);
        Assert.Equal("From the import script.", revision.Comment);

        // What GET answers is what was created, with the same ETag.
        using var got = await client.GetAsync(new Uri($"/api/v1/claims/{id}", UriKind.Relative));
        Assert.Equal(ETag(response), ETag(got));
    }

    [Fact]
    public async Task A_quote_not_in_the_document_is_400_keyed_by_its_field()
    {
        var client = await EditorAsync();
        var before = await app.QueryAsync(db => db.Claims.CountAsync());
        using var response = await SendAsync(client, HttpMethod.Post, "/api/v1/claims", NewClaim(quote: "the moon is made of green cheese"));
        var problem = await ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal("/api#validation-failed", problem.GetProperty("type").GetString());
        var messages = problem.GetProperty("errors").GetProperty("citations[0].quote");
        Assert.Contains("not in USIP", messages[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(before, await app.QueryAsync(db => db.Claims.CountAsync()));
    }

    [Fact]
    public async Task An_ambiguous_quote_lists_the_candidates()
    {
        var client = await EditorAsync();
        using var response = await SendAsync(client, HttpMethod.Post, "/api/v1/claims", NewClaim(quote: "South Korea"));
        var problem = await ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("citations[0].quote", out _));
        var candidates = problem.GetProperty("candidates").GetProperty("citations[0].quote").EnumerateArray().ToList();
        Assert.True(candidates.Count > 1);
        Assert.All(candidates, c =>
        {
            Assert.True(c.GetProperty("end").GetInt32() > c.GetProperty("start").GetInt32());
            Assert.Contains("South Korea", c.GetProperty("context").GetString(), StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task Other_field_errors_are_keyed_by_their_paths()
    {
        var client = await EditorAsync();
        using var response = await SendAsync(client, HttpMethod.Post, "/api/v1/claims", new
        {
            statement = "",
            topics = new[] { "no-such-topic" },
            citations = new[] { new { source = "no-such-source", quote = "words" } },
        });
        var errors = (await ProblemAsync(response, HttpStatusCode.BadRequest)).GetProperty("errors");
        Assert.True(errors.TryGetProperty("statement", out _), errors.ToString());
    }

    [Theory]
    [InlineData("{\"statement\": ", "application/json", HttpStatusCode.BadRequest)]
    [InlineData("[1, 2]", "application/json", HttpStatusCode.BadRequest)]
    [InlineData("null", "application/json", HttpStatusCode.BadRequest)]
    [InlineData("{\"statment\": \"misspelt\"}", "application/json", HttpStatusCode.BadRequest)]
    [InlineData("{\"citations\": [{\"footnote\": \"eleven\"}]}", "application/json", HttpStatusCode.BadRequest)]
    [InlineData("statement=form", "application/x-www-form-urlencoded", HttpStatusCode.UnsupportedMediaType)]
    public async Task A_body_that_is_not_the_json_asked_for_is_a_problem_not_a_500(string body, string contentType, HttpStatusCode status)
    {
        var client = await EditorAsync();
        using var content = new StringContent(body, Encoding.UTF8, contentType);
        using var response = await client.PostAsync(new Uri("/api/v1/claims", UriKind.Relative), content);
        await ProblemAsync(response, status);
    }

    [Fact]
    public async Task A_body_over_the_cap_is_413()
    {
        var client = await EditorAsync();
        using var content = new StringContent("{\"statement\": \"" + new string('a', 1024 * 1024 + 10) + "\"}", Encoding.UTF8, "application/json");
        using var response = await client.PostAsync(new Uri("/api/v1/claims", UriKind.Relative), content);
        await ProblemAsync(response, HttpStatusCode.RequestEntityTooLarge);
    }

    [Fact]
    public async Task Get_gives_the_etag_and_if_none_match_answers_304()
    {
        var client = await EditorAsync();
        var (id, etag) = await CreateAsync(client);
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri($"/api/v1/claims/{id}", UriKind.Relative));
        request.Headers.IfNoneMatch.Add(EntityTagHeaderValue.Parse(etag));
        using var response = await ApiClient.For(app).SendAsync(request);
        Assert.Equal(HttpStatusCode.NotModified, response.StatusCode);
        Assert.Equal(etag, ETag(response));

        using var other = new HttpRequestMessage(HttpMethod.Get, new Uri($"/api/v1/claims/{id}", UriKind.Relative));
        other.Headers.IfNoneMatch.Add(EntityTagHeaderValue.Parse("\"1\""));
        using var full = await ApiClient.For(app).SendAsync(other);
        Assert.Equal(HttpStatusCode.OK, full.StatusCode);
    }

    [Fact]
    public async Task Replace_needs_if_match_428_and_a_stale_etag_gets_412_with_the_current_one()
    {
        var client = await EditorAsync();
        var (id, etag) = await CreateAsync(client);
        var replacement = NewClaim(quote: IdsaTroops, source: Seed.MpIdsa.Slug);

        using var missing = await SendAsync(client, HttpMethod.Put, $"/api/v1/claims/{id}", replacement);
        Assert.Equal("/api#precondition-required", (await ProblemAsync(missing, (HttpStatusCode)428)).GetProperty("type").GetString());

        using var replaced = await SendAsync(client, HttpMethod.Put, $"/api/v1/claims/{id}", replacement, etag);
        var claim = await JsonAsync(replaced, HttpStatusCode.OK);
        Assert.Equal(Seed.MpIdsa.Slug, Assert.Single(claim.GetProperty("citations").EnumerateArray()).GetProperty("source").GetProperty("slug").GetString());
        var current = ETag(replaced);
        Assert.NotEqual(etag, current);

        using var stale = await SendAsync(client, HttpMethod.Put, $"/api/v1/claims/{id}", NewClaim(), etag);
        var problem = await ProblemAsync(stale, HttpStatusCode.PreconditionFailed);
        Assert.Equal(current, ETag(stale));
        Assert.Equal(current, problem.GetProperty("currentETag").GetString());

        using var weak = await SendAsync(client, HttpMethod.Put, $"/api/v1/claims/{id}", NewClaim(), "W/" + current);
        await ProblemAsync(weak, HttpStatusCode.PreconditionFailed);
        using var star = await SendAsync(client, HttpMethod.Put, $"/api/v1/claims/{id}", NewClaim(), "*");
        await JsonAsync(star, HttpStatusCode.OK);
        using var unknown = await SendAsync(client, HttpMethod.Put, "/api/v1/claims/987654321", NewClaim(), "*");
        await ProblemAsync(unknown, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Two_clients_saving_over_the_same_etag_one_wins_the_other_gets_412()
    {
        var first = await EditorAsync();
        var second = await EditorAsync();
        var (id, etag) = await CreateAsync(first);

        var answers = await Task.WhenAll(
            SendAsync(first, HttpMethod.Put, $"/api/v1/claims/{id}", NewClaim(), etag),
            SendAsync(second, HttpMethod.Put, $"/api/v1/claims/{id}", NewClaim(quote: IdsaTroops, source: Seed.MpIdsa.Slug), etag));

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.PreconditionFailed], answers.Select(a => a.StatusCode).Order());
        var revisions = await app.QueryAsync(db => db.Revisions.CountAsync(r => r.EntityType == RevisionEntity.Claim && r.EntityId == id));
        Assert.Equal(2, revisions);
        foreach (var answer in answers)
        {
            answer.Dispose();
        }
    }

    [Fact]
    public async Task Citations_are_added_replaced_and_removed_through_the_claims_etag()
    {
        var client = await EditorAsync();
        var (id, etag) = await CreateAsync(client);

        using var added = await SendAsync(client, HttpMethod.Post, $"/api/v1/claims/{id}/citations",
            new { source = Seed.MpIdsa.Slug, quote = IdsaTroops, stance = "supports", comment = "MP-IDSA says so too." }, etag);
        var claim = await JsonAsync(added, HttpStatusCode.Created);
        var citations = claim.GetProperty("citations").EnumerateArray().ToList();
        Assert.Equal(2, citations.Count);
        var newId = citations[1].GetProperty("id").GetInt64();
        Assert.Equal($"/api/v1/claims/{id}/citations/{newId}", added.Headers.Location?.OriginalString);
        Assert.NotEqual("single-source", claim.GetProperty("agreement").GetProperty("flag").GetString());
        var citation = await ApiClient.For(app).GetJsonAsync($"/api/v1/claims/{id}/citations/{newId}");
        Assert.Equal(Seed.MpIdsa.Slug, citation.GetProperty("source").GetProperty("slug").GetString());
        etag = ETag(added);

        // A citation's own errors are keyed by its fields.
        using var bad = await SendAsync(client, HttpMethod.Put, $"/api/v1/claims/{id}/citations/{newId}", new { source = Seed.MpIdsa.Slug, quote = "not there at all" }, etag);
        var errors = (await ProblemAsync(bad, HttpStatusCode.BadRequest)).GetProperty("errors");
        Assert.True(errors.TryGetProperty("quote", out _), errors.ToString());

        using var replaced = await SendAsync(client, HttpMethod.Put, $"/api/v1/claims/{id}/citations/{newId}",
            new { source = Seed.MpIdsa.Slug, quote = IdsaTroops, stance = "mentions" }, etag);
        claim = await JsonAsync(replaced, HttpStatusCode.OK);
        Assert.Equal("mentions", claim.GetProperty("citations")[1].GetProperty("stance").GetString());
        etag = ETag(replaced);

        using var stale = await SendAsync(client, HttpMethod.Delete, $"/api/v1/claims/{id}/citations/{newId}", ifMatch: "\"1\"");
        await ProblemAsync(stale, HttpStatusCode.PreconditionFailed);
        using var noSuch = await SendAsync(client, HttpMethod.Delete, $"/api/v1/claims/{id}/citations/987654321", ifMatch: etag);
        await ProblemAsync(noSuch, HttpStatusCode.NotFound);

        using var removed = await SendAsync(client, HttpMethod.Delete, $"/api/v1/claims/{id}/citations/{newId}", ifMatch: etag);
        claim = await JsonAsync(removed, HttpStatusCode.OK);
        var last = Assert.Single(claim.GetProperty("citations").EnumerateArray());
        Assert.Equal("single-source", claim.GetProperty("agreement").GetProperty("flag").GetString());

        // The last citation stays: a claim cites at least one passage.
        using var lastOne = await SendAsync(client, HttpMethod.Delete, $"/api/v1/claims/{id}/citations/{last.GetProperty("id").GetInt64()}", ifMatch: ETag(removed));
        Assert.True((await ProblemAsync(lastOne, HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("citations", out _));

        var actions = await app.QueryAsync(db => db.Revisions.Where(r => r.EntityType == RevisionEntity.Claim && r.EntityId == id)
            .OrderBy(r => r.Number).Select(r => r.Action).ToListAsync());
        Assert.Equal([RevisionAction.Created, RevisionAction.Updated, RevisionAction.Updated, RevisionAction.Updated], actions);
    }

    [Fact]
    public async Task Delete_is_soft_needs_if_match_and_takes_a_comment_header()
    {
        var client = await EditorAsync();
        var (id, etag) = await CreateAsync(client);

        using var missing = await SendAsync(client, HttpMethod.Delete, $"/api/v1/claims/{id}");
        await ProblemAsync(missing, (HttpStatusCode)428);

        using var request = new HttpRequestMessage(HttpMethod.Delete, new Uri($"/api/v1/claims/{id}", UriKind.Relative));
        request.Headers.TryAddWithoutValidation("If-Match", etag);
        request.Headers.Add("X-Comment", "Duplicate.");
        using var deleted = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);

        await ApiClient.For(app).GetProblemAsync($"/api/v1/claims/{id}", HttpStatusCode.NotFound);
        var revision = await app.QueryAsync(db => db.Revisions.Where(r => r.EntityType == RevisionEntity.Claim && r.EntityId == id)
            .OrderByDescending(r => r.Number).FirstAsync());
        Assert.Equal((RevisionAction.Deleted, "Duplicate."), (revision.Action, revision.Comment));
        Assert.True(await app.QueryAsync(db => db.Claims.IgnoreQueryFilters().AnyAsync(c => c.Id == id && c.DeletedAt != null)));
    }

    [Fact]
    public async Task A_walk_through_the_pages_while_claims_are_added_and_deleted_repeats_none_and_misses_none_that_stayed()
    {
        var client = await EditorAsync();
        var reader = ApiClient.For(app);
        var (doomed, doomedETag) = await CreateAsync(client);
        var before = await app.QueryAsync(db => db.Claims.Select(c => c.Id).OrderBy(id => id).ToListAsync());

        var seen = new List<long>();
        var next = "/api/v1/claims?limit=10";
        long? added = null;
        while (true)
        {
            var page = await reader.GetJsonAsync(next);
            seen.AddRange(page.GetProperty("items").EnumerateArray().Select(c => c.GetProperty("id").GetInt64()));
            if (added is null)
            {
                // After the first page: one claim not yet reached goes, a new one comes.
                using var deleted = await SendAsync(client, HttpMethod.Delete, $"/api/v1/claims/{doomed}", ifMatch: doomedETag);
                Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
                added = (await CreateAsync(client)).Id;
            }
            if (page.GetProperty("next").ValueKind == JsonValueKind.Null)
            {
                break;
            }
            next = "/api/v1/claims?limit=10&cursor=" + Uri.EscapeDataString(page.GetProperty("next").GetString()!);
        }

        Assert.Equal(seen.Distinct().Count(), seen.Count);
        Assert.Equal(seen.Order(), seen);
        Assert.Equal(before.Where(id => id != doomed).Append(added.Value), seen);
    }

    [Fact]
    public async Task The_database_holds_no_token_only_its_hash_and_prefix()
    {
        var (account, token) = await app.ApiTokenAsync(Roles.Editor);
        // The secret is everything after "kb_<prefix>_"; it may itself contain '_' (base64url).
        var secret = token[(ApiTokens.Scheme.Length + ApiToken.PrefixLength + 1)..];
        Assert.Equal(43, secret.Length);
        var row = await app.QueryAsync(db => db.ApiTokens.AsNoTracking().SingleAsync(t => t.UserId == account.Id));
        Assert.Equal(ApiTokens.ParsePrefix(token), row.Prefix);
        Assert.Equal(32, row.SecretHash.Length);
        Assert.Equal(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(token)), row.SecretHash);
        // Neither the token nor its secret appears anywhere in the row, in any encoding PostgreSQL renders it.
        var hits = await app.QueryAsync(db => db.Database
            .SqlQuery<int>($"SELECT count(*)::int AS \"Value\" FROM api_tokens t WHERE strpos(row_to_json(t)::text, {secret}) > 0 OR strpos(encode(t.secret_hash, 'escape'), {secret}) > 0")
            .SingleAsync());
        Assert.Equal(0, hits);
        Assert.True(token.Length >= 3 + 12 + 1 + 43, token);
    }

    [Fact]
    public async Task Using_a_token_records_when_it_was_last_used()
    {
        var (account, token) = await app.ApiTokenAsync(Roles.Editor);
        Assert.Null(await app.QueryAsync(db => db.ApiTokens.Where(t => t.UserId == account.Id).Select(t => t.LastUsedAt).SingleAsync()));
        await CreateAsync(ApiClient.For(app).WithToken(token));
        var used = await app.QueryAsync(db => db.ApiTokens.Where(t => t.UserId == account.Id).Select(t => t.LastUsedAt).SingleAsync());
        Assert.NotNull(used);
        Assert.InRange(used.Value, DateTimeOffset.UtcNow.AddMinutes(-1), DateTimeOffset.UtcNow.AddMinutes(1));
    }

    [Fact]
    public async Task A_cors_preflight_for_a_write_is_refused()
    {
        var (id, _) = await CreateAsync(await EditorAsync());
        foreach (var (method, url) in new[] { ("PUT", $"/api/v1/claims/{id}"), ("DELETE", $"/api/v1/claims/{id}"), ("POST", $"/api/v1/claims/{id}/citations") })
        {
            using var preflight = new HttpRequestMessage(HttpMethod.Options, new Uri(url, UriKind.Relative));
            preflight.Headers.Add("Origin", "https://notebook.example");
            preflight.Headers.Add("Access-Control-Request-Method", method);
            preflight.Headers.Add("Access-Control-Request-Headers", "authorization, content-type, if-match");
            using var answer = await ApiClient.For(app).SendAsync(preflight);
            Assert.False(answer.Headers.Contains("Access-Control-Allow-Origin"), $"a preflight for {method} {url} must not be allowed");
            Assert.False(answer.Headers.Contains("Access-Control-Allow-Methods"), $"a preflight for {method} {url} must not list methods");
        }
        // Reading the same claim stays open to any origin, and the ETag can be read by the page.
        using var get = new HttpRequestMessage(HttpMethod.Get, new Uri($"/api/v1/claims/{id}", UriKind.Relative));
        get.Headers.Add("Origin", "https://notebook.example");
        using var got = await ApiClient.For(app).SendAsync(get);
        Assert.Equal("*", Assert.Single(got.Headers.GetValues("Access-Control-Allow-Origin")));
        Assert.Contains("ETag", Assert.Single(got.Headers.GetValues("Access-Control-Expose-Headers")), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Writes_are_rate_limited_per_token_with_retry_after()
    {
        using var limited = app.WithWebHostBuilder(b => b.UseSetting("Api:WritesPerMinute", "2"));
        var (_, token) = await app.ApiTokenAsync(Roles.Editor);
        var client = ApiClient.For(limited).WithToken(token);
        for (var i = 0; i < 2; i++)
        {
            using var ok = await SendAsync(client, HttpMethod.Post, "/api/v1/claims", NewClaim(quote: "not in the text " + i));
            Assert.Equal(HttpStatusCode.BadRequest, ok.StatusCode);
        }
        using var refused = await SendAsync(client, HttpMethod.Post, "/api/v1/claims", NewClaim());
        await ProblemAsync(refused, HttpStatusCode.TooManyRequests);
        Assert.InRange(int.Parse(Assert.Single(refused.Headers.GetValues("Retry-After")), CultureInfo.InvariantCulture), 1, 60);

        // Another token has its own window.
        var (_, other) = await app.ApiTokenAsync(Roles.Editor);
        using var fresh = await SendAsync(ApiClient.For(limited).WithToken(other), HttpMethod.Post, "/api/v1/claims", NewClaim());
        Assert.Equal(HttpStatusCode.Created, fresh.StatusCode);
    }
}
