using KnowledgeBase.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace KnowledgeBase.Migrations;

/// <summary>Lets `dotnet ef migrations add` build the model without starting the web app; no database is contacted.</summary>
internal sealed class DesignTimeDbFactory : IDesignTimeDbContextFactory<KnowledgeBaseDb>
{
    public KnowledgeBaseDb CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<KnowledgeBaseDb>();
        KnowledgeBaseDb.Configure(options, Environment.GetEnvironmentVariable("KB_DATABASE") ?? "Host=localhost;Database=knowledgebase");
        return new KnowledgeBaseDb(options.Options);
    }
}
