using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace KnowledgeBase.Migrations.Migrations
{
    /// <inheritdoc />
    public partial class SearchStatistics : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Search picks its plan from how often the query's words occur; the default statistics keep too few
            // words to tell a rare one from a common one at a million claims. EF cannot express a column's
            // statistics target.
            migrationBuilder.Sql("""
                ALTER TABLE claims ALTER COLUMN search_vector SET STATISTICS 5000;
                ALTER TABLE passages ALTER COLUMN search_vector SET STATISTICS 5000;
                ALTER TABLE sources ALTER COLUMN search_vector SET STATISTICS 5000;
                ANALYZE claims;
                ANALYZE passages;
                ANALYZE sources;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                ALTER TABLE claims ALTER COLUMN search_vector SET STATISTICS -1;
                ALTER TABLE passages ALTER COLUMN search_vector SET STATISTICS -1;
                ALTER TABLE sources ALTER COLUMN search_vector SET STATISTICS -1;
                """);
        }
    }
}
