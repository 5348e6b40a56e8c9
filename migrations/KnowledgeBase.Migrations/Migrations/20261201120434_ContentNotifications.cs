using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace KnowledgeBase.Migrations.Migrations
{
    /// <summary>
    /// Every committed write to reader-visible content sends a notification on the channel kb_content, whoever wrote it
    /// (this app, another instance of it, ./kb seed, psql), with the writer's application_name as payload: each app
    /// instance listens and drops its caches, except for its own writes, which it has seen already. Statement-level
    /// triggers; PostgreSQL folds identical notifications of one transaction into one and delivers them at commit only.
    /// </summary>
    public partial class ContentNotifications : Migration
    {
        private static readonly string[] Tables =
            ["claims", "citations", "claim_topics", "topics", "sources", "footnotes", "passages", "source_slug_history"];

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                CREATE FUNCTION kb_notify_content() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    PERFORM pg_notify('kb_content', current_setting('application_name'));
                    RETURN NULL;
                END $$;
                """);
            foreach (var table in Tables)
            {
                migrationBuilder.Sql($"""
                    CREATE TRIGGER kb_notify_content AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON {table}
                    FOR EACH STATEMENT EXECUTE FUNCTION kb_notify_content();
                    """);
            }
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var table in Tables)
            {
                migrationBuilder.Sql($"DROP TRIGGER kb_notify_content ON {table};");
            }
            migrationBuilder.Sql("DROP FUNCTION kb_notify_content();");
        }
    }
}
