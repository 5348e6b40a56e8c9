using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace KnowledgeBase.Migrations.Migrations
{
    /// <inheritdoc />
    public partial class Editing : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_passages_source_id_start_end",
                table: "passages");

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "deleted_at",
                table: "sources",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<uint>(
                name: "xmin",
                table: "sources",
                type: "xid",
                rowVersion: true,
                nullable: false,
                defaultValue: 0u);

            migrationBuilder.AddColumn<string>(
                name: "anchor_status",
                table: "passages",
                type: "character varying(16)",
                maxLength: 16,
                nullable: false,
                defaultValue: "exact");

            migrationBuilder.AddColumn<bool>(
                name: "needs_review",
                table: "passages",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "previous_exact",
                table: "passages",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "deleted_at",
                table: "claims",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<uint>(
                name: "xmin",
                table: "claims",
                type: "xid",
                rowVersion: true,
                nullable: false,
                defaultValue: 0u);

            migrationBuilder.CreateTable(
                name: "revisions",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    entity_type = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    entity_id = table.Column<long>(type: "bigint", nullable: false),
                    number = table.Column<int>(type: "integer", nullable: false),
                    action = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    snapshot = table.Column<string>(type: "jsonb", nullable: false),
                    author_id = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    author_name = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    comment = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_revisions", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_passages_needs_review",
                table: "passages",
                column: "id",
                filter: "needs_review");

            migrationBuilder.CreateIndex(
                name: "ix_passages_source_id_start_end",
                table: "passages",
                columns: new[] { "source_id", "start", "end" },
                unique: true,
                filter: "NOT needs_review");

            migrationBuilder.CreateIndex(
                name: "ix_revisions_entity_type_entity_id_number",
                table: "revisions",
                columns: new[] { "entity_type", "entity_id", "number" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "revisions");

            migrationBuilder.DropIndex(
                name: "ix_passages_needs_review",
                table: "passages");

            migrationBuilder.DropIndex(
                name: "ix_passages_source_id_start_end",
                table: "passages");

            migrationBuilder.DropColumn(
                name: "deleted_at",
                table: "sources");

            migrationBuilder.DropColumn(
                name: "xmin",
                table: "sources");

            migrationBuilder.DropColumn(
                name: "anchor_status",
                table: "passages");

            migrationBuilder.DropColumn(
                name: "needs_review",
                table: "passages");

            migrationBuilder.DropColumn(
                name: "previous_exact",
                table: "passages");

            migrationBuilder.DropColumn(
                name: "deleted_at",
                table: "claims");

            migrationBuilder.DropColumn(
                name: "xmin",
                table: "claims");

            migrationBuilder.CreateIndex(
                name: "ix_passages_source_id_start_end",
                table: "passages",
                columns: new[] { "source_id", "start", "end" },
                unique: true);
        }
    }
}
