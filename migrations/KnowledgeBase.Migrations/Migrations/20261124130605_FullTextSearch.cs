using Microsoft.EntityFrameworkCore.Migrations;
using NpgsqlTypes;

#nullable disable

namespace KnowledgeBase.Migrations.Migrations
{
    /// <inheritdoc />
    public partial class FullTextSearch : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<NpgsqlTsVector>(
                name: "search_vector",
                table: "sources",
                type: "tsvector",
                nullable: true)
                .Annotation("Npgsql:TsVectorConfig", "english")
                .Annotation("Npgsql:TsVectorProperties", new[] { "title", "short_name", "publisher", "canonical_text" });

            migrationBuilder.AddColumn<NpgsqlTsVector>(
                name: "search_vector",
                table: "passages",
                type: "tsvector",
                nullable: true,
                computedColumnSql: "setweight(to_tsvector('english', exact), 'B') || setweight(to_tsvector('english', prefix || ' ' || suffix), 'D')",
                stored: true);

            migrationBuilder.AddColumn<NpgsqlTsVector>(
                name: "search_vector",
                table: "claims",
                type: "tsvector",
                nullable: true,
                computedColumnSql: "setweight(to_tsvector('english', statement), 'A')",
                stored: true);

            migrationBuilder.CreateIndex(
                name: "ix_sources_search_vector",
                table: "sources",
                column: "search_vector")
                .Annotation("Npgsql:IndexMethod", "gin");

            migrationBuilder.CreateIndex(
                name: "ix_passages_search_vector",
                table: "passages",
                column: "search_vector")
                .Annotation("Npgsql:IndexMethod", "gin");

            migrationBuilder.CreateIndex(
                name: "ix_claims_search_vector",
                table: "claims",
                column: "search_vector")
                .Annotation("Npgsql:IndexMethod", "gin");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_sources_search_vector",
                table: "sources");

            migrationBuilder.DropIndex(
                name: "ix_passages_search_vector",
                table: "passages");

            migrationBuilder.DropIndex(
                name: "ix_claims_search_vector",
                table: "claims");

            migrationBuilder.DropColumn(
                name: "search_vector",
                table: "passages");

            migrationBuilder.DropColumn(
                name: "search_vector",
                table: "claims");

            migrationBuilder.DropColumn(
                name: "search_vector",
                table: "sources");
        }
    }
}
