// Placeholder translation unit until the catalogue lands.
namespace mt {}
