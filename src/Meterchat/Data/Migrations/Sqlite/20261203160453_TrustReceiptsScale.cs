using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Meterchat.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class TrustReceiptsScale : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_ChatEvents_ChatSessions_SessionId",
                table: "ChatEvents");

            migrationBuilder.DropForeignKey(
                name: "FK_LedgerLegs_LedgerAccounts_AccountId",
                table: "LedgerLegs");

            migrationBuilder.DropForeignKey(
                name: "FK_LedgerLegs_LedgerTransfers_TransferId",
                table: "LedgerLegs");

            migrationBuilder.AddColumn<string>(
                name: "BuyerReceiptCheck",
                table: "Disputes",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "BuyerReceiptMatches",
                table: "Disputes",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ChainHead",
                table: "ChatSessions",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SignedReceiptJson",
                table: "ChatSessions",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Hash",
                table: "ChatEvents",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

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

            migrationBuilder.DropColumn(
                name: "BuyerReceiptCheck",
                table: "Disputes");

            migrationBuilder.DropColumn(
                name: "BuyerReceiptMatches",
                table: "Disputes");

            migrationBuilder.DropColumn(
                name: "ChainHead",
                table: "ChatSessions");

            migrationBuilder.DropColumn(
                name: "SignedReceiptJson",
                table: "ChatSessions");

            migrationBuilder.DropColumn(
                name: "Hash",
                table: "ChatEvents");

            migrationBuilder.AddForeignKey(
                name: "FK_ChatEvents_ChatSessions_SessionId",
                table: "ChatEvents",
                column: "SessionId",
                principalTable: "ChatSessions",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "FK_LedgerLegs_LedgerAccounts_AccountId",
                table: "LedgerLegs",
                column: "AccountId",
                principalTable: "LedgerAccounts",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "FK_LedgerLegs_LedgerTransfers_TransferId",
                table: "LedgerLegs",
                column: "TransferId",
                principalTable: "LedgerTransfers",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);
        }
    }
}
