using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Meterchat.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ReservesSnapshots : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ReservesSnapshots",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    BlockNumber = table.Column<long>(type: "INTEGER", nullable: false),
                    Users = table.Column<int>(type: "INTEGER", nullable: false),
                    Liabilities = table.Column<long>(type: "INTEGER", nullable: false),
                    Reserves = table.Column<long>(type: "INTEGER", nullable: false),
                    RootHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    HotWallet = table.Column<string>(type: "TEXT", maxLength: 34, nullable: false),
                    Message = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    Signature = table.Column<string>(type: "TEXT", maxLength: 130, nullable: false),
                    Trigger = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReservesSnapshots", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ReservesLeaves",
                columns: table => new
                {
                    SnapshotId = table.Column<long>(type: "INTEGER", nullable: false),
                    UserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    Salt = table.Column<byte[]>(type: "BLOB", maxLength: 32, nullable: false),
                    Wallet = table.Column<long>(type: "INTEGER", nullable: false),
                    Earnings = table.Column<long>(type: "INTEGER", nullable: false),
                    Held = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReservesLeaves", x => new { x.SnapshotId, x.UserId });
                    table.ForeignKey(
                        name: "FK_ReservesLeaves_ReservesSnapshots_SnapshotId",
                        column: x => x.SnapshotId,
                        principalTable: "ReservesSnapshots",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ReservesSnapshots_At",
                table: "ReservesSnapshots",
                column: "At");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ReservesLeaves");

            migrationBuilder.DropTable(
                name: "ReservesSnapshots");
        }
    }
}
