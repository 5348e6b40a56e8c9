using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace KnowledgeBase.Migrations.Migrations
{
    /// <inheritdoc />
    public partial class CitationEvidence : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateOnly>(
                name: "as_of_from",
                table: "citations",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "as_of_to",
                table: "citations",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "as_of_words",
                table: "citations",
                type: "character varying(300)",
                maxLength: 300,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "certainty",
                table: "citations",
                type: "character varying(16)",
                maxLength: 16,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "voice",
                table: "citations",
                type: "character varying(16)",
                maxLength: 16,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "as_of_from",
                table: "citations");

            migrationBuilder.DropColumn(
                name: "as_of_to",
                table: "citations");

            migrationBuilder.DropColumn(
                name: "as_of_words",
                table: "citations");

            migrationBuilder.DropColumn(
                name: "certainty",
                table: "citations");

            migrationBuilder.DropColumn(
                name: "voice",
                table: "citations");
        }
    }
}
