using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace KnowledgeBase.Migrations.Migrations
{
    /// <inheritdoc />
    public partial class InitialSchema : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "claims",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    slug = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    statement = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    figure = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    computed_agreement = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    agreement_rationale = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    override_agreement = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    override_reason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    agreement = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_claims", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "seed_imports",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    content_hash = table.Column<string>(type: "text", nullable: false),
                    imported_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    summary = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_seed_imports", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "sources",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    slug = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    title = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    short_name = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    authors = table.Column<List<string>>(type: "text[]", nullable: false),
                    publisher = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    kind = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    published = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    url = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    retrieved = table.Column<DateOnly>(type: "date", nullable: true),
                    editorial_note = table.Column<string>(type: "text", nullable: true),
                    body_markdown = table.Column<string>(type: "text", nullable: false),
                    body_html = table.Column<string>(type: "text", nullable: false),
                    canonical_text = table.Column<string>(type: "text", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_sources", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "topics",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    slug = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    description = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_topics", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "footnotes",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    source_id = table.Column<int>(type: "integer", nullable: false),
                    number = table.Column<int>(type: "integer", nullable: false),
                    text = table.Column<string>(type: "text", nullable: false),
                    start = table.Column<int>(type: "integer", nullable: false),
                    end = table.Column<int>(type: "integer", nullable: false),
                    cites_authors = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    cites_outlet = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    cites_published = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: true),
                    cites_title = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    cites_url = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_footnotes", x => x.id);
                    table.ForeignKey(
                        name: "fk_footnotes_sources_source_id",
                        column: x => x.source_id,
                        principalTable: "sources",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "claim_topics",
                columns: table => new
                {
                    topic_id = table.Column<int>(type: "integer", nullable: false),
                    claim_id = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_claim_topics", x => new { x.topic_id, x.claim_id });
                    table.ForeignKey(
                        name: "fk_claim_topics_claims_claim_id",
                        column: x => x.claim_id,
                        principalTable: "claims",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_claim_topics_topics_topic_id",
                        column: x => x.topic_id,
                        principalTable: "topics",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "passages",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    source_id = table.Column<int>(type: "integer", nullable: false),
                    start = table.Column<int>(type: "integer", nullable: false),
                    end = table.Column<int>(type: "integer", nullable: false),
                    exact = table.Column<string>(type: "text", nullable: false),
                    prefix = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    suffix = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    footnote_id = table.Column<int>(type: "integer", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_passages", x => x.id);
                    table.ForeignKey(
                        name: "fk_passages_footnotes_footnote_id",
                        column: x => x.footnote_id,
                        principalTable: "footnotes",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "fk_passages_sources_source_id",
                        column: x => x.source_id,
                        principalTable: "sources",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "citations",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    claim_id = table.Column<long>(type: "bigint", nullable: false),
                    passage_id = table.Column<long>(type: "bigint", nullable: false),
                    position = table.Column<int>(type: "integer", nullable: false),
                    stance = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    attribution = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    figure = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_citations", x => x.id);
                    table.ForeignKey(
                        name: "fk_citations_claims_claim_id",
                        column: x => x.claim_id,
                        principalTable: "claims",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_citations_passages_passage_id",
                        column: x => x.passage_id,
                        principalTable: "passages",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_citations_claim_id_passage_id",
                table: "citations",
                columns: new[] { "claim_id", "passage_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_citations_passage_id",
                table: "citations",
                column: "passage_id");

            migrationBuilder.CreateIndex(
                name: "ix_claim_topics_claim_id",
                table: "claim_topics",
                column: "claim_id");

            migrationBuilder.CreateIndex(
                name: "ix_claims_agreement_id",
                table: "claims",
                columns: new[] { "agreement", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_claims_slug",
                table: "claims",
                column: "slug",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_footnotes_source_id_number",
                table: "footnotes",
                columns: new[] { "source_id", "number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_passages_footnote_id",
                table: "passages",
                column: "footnote_id");

            migrationBuilder.CreateIndex(
                name: "ix_passages_source_id_start_end",
                table: "passages",
                columns: new[] { "source_id", "start", "end" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_sources_published_id",
                table: "sources",
                columns: new[] { "published", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_sources_slug",
                table: "sources",
                column: "slug",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_topics_slug",
                table: "topics",
                column: "slug",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "citations");

            migrationBuilder.DropTable(
                name: "claim_topics");

            migrationBuilder.DropTable(
                name: "seed_imports");

            migrationBuilder.DropTable(
                name: "passages");

            migrationBuilder.DropTable(
                name: "claims");

            migrationBuilder.DropTable(
                name: "topics");

            migrationBuilder.DropTable(
                name: "footnotes");

            migrationBuilder.DropTable(
                name: "sources");
        }
    }
}
