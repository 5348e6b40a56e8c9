using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace KnowledgeBase.Migrations.Migrations
{
    /// <inheritdoc />
    public partial class PassageSentence : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "sentence",
                table: "passages",
                type: "text",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "ix_passages_sentence_missing",
                table: "passages",
                column: "id",
                filter: "sentence IS NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_passages_sentence_missing",
                table: "passages");

            migrationBuilder.DropColumn(
                name: "sentence",
                table: "passages");
        }
    }
}
