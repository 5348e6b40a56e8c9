using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace KnowledgeBase.Migrations.Migrations
{
    /// <inheritdoc />
    public partial class SearchWordStatistics : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The planner reads a column's whole list of common words each time it estimates a text match, about
            // 0.1 ms per thousand words. At 5,000 the lists of quotes and documents held up to 25,000 and 34,000 words
            // on a small corpus (100,000 claims), and a search page spent 13 ms planning. At 1,000 they hold at most
            // 10,000, and rare words still plan as index lookups at 100,000, 1M and 5M claims (docs/benchmarks-notes.md).
            // Claims keep 5,000: their list stays under 200 words, and at 1,000 a rare word walked the whole key
            // (0.4 s at 1M claims). EF cannot express a column's statistics target.
            migrationBuilder.Sql("""
                ALTER TABLE passages ALTER COLUMN search_vector SET STATISTICS 1000;
                ALTER TABLE sources ALTER COLUMN search_vector SET STATISTICS 1000;
                ANALYZE passages;
                ANALYZE sources;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                ALTER TABLE passages ALTER COLUMN search_vector SET STATISTICS 5000;
                ALTER TABLE sources ALTER COLUMN search_vector SET STATISTICS 5000;
                """);
        }
    }
}
