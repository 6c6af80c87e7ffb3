using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OffBenzos.Community.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ThreadListIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Threads_GroupId_IsPinned_LastActivityAt",
                table: "Threads");

            migrationBuilder.CreateIndex(
                name: "IX_Threads_GroupId_State_IsPinned_LastActivityAt",
                table: "Threads",
                columns: new[] { "GroupId", "State", "IsPinned", "LastActivityAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Threads_GroupId_State_IsPinned_LastActivityAt",
                table: "Threads");

            migrationBuilder.CreateIndex(
                name: "IX_Threads_GroupId_IsPinned_LastActivityAt",
                table: "Threads",
                columns: new[] { "GroupId", "IsPinned", "LastActivityAt" });
        }
    }
}
