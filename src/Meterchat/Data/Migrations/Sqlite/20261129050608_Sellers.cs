using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Meterchat.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Sellers : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Reports",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ReporterId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    SubjectId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Reports", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "SellerBlocks",
                columns: table => new
                {
                    SellerId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    BuyerId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SellerBlocks", x => new { x.SellerId, x.BuyerId });
                });

            migrationBuilder.CreateTable(
                name: "SellerProfiles",
                columns: table => new
                {
                    UserId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    DisplayName = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    Bio = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    RateTokensPerMinute = table.Column<int>(type: "INTEGER", nullable: false),
                    AutoAccept = table.Column<bool>(type: "INTEGER", nullable: false),
                    PhotoFile = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    PhotoContentType = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    RatingCentis = table.Column<int>(type: "INTEGER", nullable: false),
                    RatingCount = table.Column<int>(type: "INTEGER", nullable: false),
                    WantsOnline = table.Column<bool>(type: "INTEGER", nullable: false),
                    Presence = table.Column<int>(type: "INTEGER", nullable: false),
                    IdleSince = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SellerProfiles", x => x.UserId);
                });

            migrationBuilder.CreateTable(
                name: "SellerTags",
                columns: table => new
                {
                    SellerId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    Value = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SellerTags", x => new { x.SellerId, x.Kind, x.Value });
                    table.ForeignKey(
                        name: "FK_SellerTags_SellerProfiles_SellerId",
                        column: x => x.SellerId,
                        principalTable: "SellerProfiles",
                        principalColumn: "UserId",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Reports_At",
                table: "Reports",
                column: "At");

            migrationBuilder.CreateIndex(
                name: "IX_SellerProfiles_CreatedAt",
                table: "SellerProfiles",
                column: "CreatedAt");

            migrationBuilder.CreateIndex(
                name: "IX_SellerProfiles_Presence_CreatedAt",
                table: "SellerProfiles",
                columns: new[] { "Presence", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_SellerProfiles_Presence_RateTokensPerMinute",
                table: "SellerProfiles",
                columns: new[] { "Presence", "RateTokensPerMinute" });

            migrationBuilder.CreateIndex(
                name: "IX_SellerProfiles_Presence_RatingCentis",
                table: "SellerProfiles",
                columns: new[] { "Presence", "RatingCentis" });

            migrationBuilder.CreateIndex(
                name: "IX_SellerProfiles_RateTokensPerMinute",
                table: "SellerProfiles",
                column: "RateTokensPerMinute");

            migrationBuilder.CreateIndex(
                name: "IX_SellerProfiles_RatingCentis",
                table: "SellerProfiles",
                column: "RatingCentis");

            migrationBuilder.CreateIndex(
                name: "IX_SellerTags_Kind_Value_SellerId",
                table: "SellerTags",
                columns: new[] { "Kind", "Value", "SellerId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Reports");

            migrationBuilder.DropTable(
                name: "SellerBlocks");

            migrationBuilder.DropTable(
                name: "SellerTags");

            migrationBuilder.DropTable(
                name: "SellerProfiles");
        }
    }
}
