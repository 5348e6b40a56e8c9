using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace KnowledgeBase.Migrations.Migrations
{
    /// <inheritdoc />
    public partial class ScaleIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "agreement",
                table: "claim_topics",
                type: "character varying(16)",
                maxLength: 16,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<bool>(
                name: "claim_deleted",
                table: "claim_topics",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<int>(
                name: "source_id",
                table: "citations",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            // Derived columns, kept by the database for every writer (EF, seed import, bulk COPY), then filled once.
            migrationBuilder.Sql("""
                CREATE FUNCTION citations_source_id() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    SELECT p.source_id INTO NEW.source_id FROM passages p WHERE p.id = NEW.passage_id;
                    RETURN NEW;
                END $$;
                CREATE TRIGGER citations_source_id BEFORE INSERT OR UPDATE OF passage_id ON citations
                    FOR EACH ROW EXECUTE FUNCTION citations_source_id();

                CREATE FUNCTION claim_topics_from_claim() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    SELECT c.agreement, c.deleted_at IS NOT NULL INTO NEW.agreement, NEW.claim_deleted FROM claims c WHERE c.id = NEW.claim_id;
                    RETURN NEW;
                END $$;
                CREATE TRIGGER claim_topics_from_claim BEFORE INSERT OR UPDATE OF claim_id ON claim_topics
                    FOR EACH ROW EXECUTE FUNCTION claim_topics_from_claim();

                CREATE FUNCTION claims_to_claim_topics() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    UPDATE claim_topics SET agreement = NEW.agreement, claim_deleted = NEW.deleted_at IS NOT NULL WHERE claim_id = NEW.id;
                    RETURN NULL;
                END $$;
                CREATE TRIGGER claims_to_claim_topics AFTER UPDATE OF agreement, deleted_at ON claims
                    FOR EACH ROW WHEN (OLD.agreement IS DISTINCT FROM NEW.agreement OR (OLD.deleted_at IS NULL) <> (NEW.deleted_at IS NULL))
                    EXECUTE FUNCTION claims_to_claim_topics();

                -- An outlet's page finds its footnotes by spelling; EF cannot index a complex property's column.
                CREATE INDEX ix_footnotes_cites_outlet ON footnotes (cites_outlet);

                UPDATE citations c SET source_id = p.source_id FROM passages p WHERE p.id = c.passage_id;
                UPDATE claim_topics ct SET agreement = c.agreement, claim_deleted = c.deleted_at IS NOT NULL FROM claims c WHERE c.id = ct.claim_id;
                """);

            migrationBuilder.CreateIndex(
                name: "ix_passages_source_id",
                table: "passages",
                column: "source_id");

            migrationBuilder.CreateIndex(
                name: "ix_claim_topics_topic_id_agreement_claim_id",
                table: "claim_topics",
                columns: new[] { "topic_id", "agreement", "claim_id" },
                filter: "NOT claim_deleted");

            migrationBuilder.CreateIndex(
                name: "ix_citations_source_id_claim_id",
                table: "citations",
                columns: new[] { "source_id", "claim_id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP INDEX ix_footnotes_cites_outlet;
                DROP TRIGGER claims_to_claim_topics ON claims;
                DROP FUNCTION claims_to_claim_topics();
                DROP TRIGGER claim_topics_from_claim ON claim_topics;
                DROP FUNCTION claim_topics_from_claim();
                DROP TRIGGER citations_source_id ON citations;
                DROP FUNCTION citations_source_id();
                """);

            migrationBuilder.DropIndex(
                name: "ix_passages_source_id",
                table: "passages");

            migrationBuilder.DropIndex(
                name: "ix_claim_topics_topic_id_agreement_claim_id",
                table: "claim_topics");

            migrationBuilder.DropIndex(
                name: "ix_citations_source_id_claim_id",
                table: "citations");

            migrationBuilder.DropColumn(
                name: "agreement",
                table: "claim_topics");

            migrationBuilder.DropColumn(
                name: "claim_deleted",
                table: "claim_topics");

            migrationBuilder.DropColumn(
                name: "source_id",
                table: "citations");
        }
    }
}
