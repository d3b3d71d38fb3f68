using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Meterchat.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class trust_Migration : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Disputes",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    SessionId = table.Column<Guid>(type: "uuid", nullable: false),
                    BuyerId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    SellerId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    OpenedBy = table.Column<int>(type: "integer", nullable: false),
                    Reason = table.Column<int>(type: "integer", nullable: false),
                    Text = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    OpenedAt = table.Column<long>(type: "bigint", nullable: false),
                    Outcome = table.Column<int>(type: "integer", nullable: true),
                    Note = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    DecidedAt = table.Column<long>(type: "bigint", nullable: true),
                    DecidedBy = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    RefundMicros = table.Column<long>(type: "bigint", nullable: false),
                    FromSellerMicros = table.Column<long>(type: "bigint", nullable: false),
                    FromPlatformMicros = table.Column<long>(type: "bigint", nullable: false),
                    FromLossesMicros = table.Column<long>(type: "bigint", nullable: false),
                    RefundBooked = table.Column<bool>(type: "boolean", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Disputes", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Ratings",
                columns: table => new
                {
                    SessionId = table.Column<Guid>(type: "uuid", nullable: false),
                    BuyerId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    SellerId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Stars = table.Column<int>(type: "integer", nullable: false),
                    Comment = table.Column<string>(type: "character varying(10000)", maxLength: 10000, nullable: true),
                    CreatedAt = table.Column<long>(type: "bigint", nullable: false),
                    Reply = table.Column<string>(type: "character varying(10000)", maxLength: 10000, nullable: true),
                    RepliedAt = table.Column<long>(type: "bigint", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Ratings", x => x.SessionId);
                    table.CheckConstraint("CK_Ratings_Stars", "\"Stars\" BETWEEN 1 AND 5");
                });

            migrationBuilder.CreateIndex(
                name: "IX_Disputes_BuyerId",
                table: "Disputes",
                column: "BuyerId");

            migrationBuilder.CreateIndex(
                name: "IX_Disputes_Outcome_OpenedAt",
                table: "Disputes",
                columns: new[] { "Outcome", "OpenedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Disputes_SellerId",
                table: "Disputes",
                column: "SellerId");

            migrationBuilder.CreateIndex(
                name: "IX_Disputes_SessionId",
                table: "Disputes",
                column: "SessionId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Ratings_SellerId_CreatedAt",
                table: "Ratings",
                columns: new[] { "SellerId", "CreatedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Disputes");

            migrationBuilder.DropTable(
                name: "Ratings");
        }
    }
}
