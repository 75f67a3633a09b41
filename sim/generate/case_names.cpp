#include "generate/case_names.hpp"

#include <algorithm>
#include <vector>

namespace mt::generate {
namespace {

struct Place {
    const char* victim;
    const char* victim_en;
    const char* city;
};
constexpr Place kVictims[] = {
    {"Hospital General Regional San Lucas", "San Lucas Regional General Hospital",
     "Celaya, Guanajuato"},
    {"Universidad Tecnológica del Bajío", "Bajío Technological University", "León, Guanajuato"},
    {"Transportes y Logística Sierra Alta", "Sierra Alta Transport and Logistics",
     "Hermosillo, Sonora"},
    {"Municipio de Santa Fe del Río", "Municipality of Santa Fe del Río", "Morelia, Michoacán"},
    {"Clínica de Especialidades Nuevo Horizonte", "Nuevo Horizonte Specialist Clinic",
     "Mérida, Yucatán"},
    {"Distribuidora Farmacéutica del Pacífico", "Pacific Pharmaceutical Distributors",
     "Mazatlán, Sinaloa"},
};
constexpr const char* kFamilies[] = {"Obsidian Moth", "GlassViper",   "Nightjar Locker",
                                     "Cinder Wasp",   "Hollow Crane", "Saltmarsh"};
constexpr const char* kExchangeNames[] = {"Cryptalia",        "Monedix",        "Pesobit",
                                          "Altamar Exchange", "Kobalt",         "NexaCoin",
                                          "Vértice Cripto",   "Orilla Exchange"};
// The roles of the five exchanges: the domestic cash-out, the foreign one and three bystanders.
constexpr const char* kExchangeCountries[kExchanges] = {"MX", "SC", "US", "MX", "PA"};
constexpr const char* kBridgeNames[] = {"SwapRío", "PuenteSwap", "FlashBridge", "Nodo Swap"};
struct Shop {
    const char* brand;
    const char* what_en;
    const char* what_es;
};
constexpr Shop kShops[kMerchants] = {
    {"TarjetaFácil", "gift cards", "tarjetas de regalo"},
    {"ElectroMundo", "electronics", "electrónica"},
    {"ViajaYa", "travel agency", "agencia de viajes"},
    {"GamerZona", "video games", "videojuegos"},
    {"FarmaExpress", "online pharmacy", "farmacia en línea"},
    {"BoletosPlus", "event tickets", "boletos para eventos"},
    {"CelularesMX", "phones", "teléfonos"},
    {"ModaNorte", "clothing", "ropa"},
    {"HostalDigital", "web hosting", "alojamiento web"},
    {"LibroRed", "books", "libros"},
    {"AutoPartes Online", "car parts", "autopartes"},
    {"VPN Segura", "VPN service", "servicio de VPN"},
};
struct GivenName {
    const char* name;
    bool female;
};
constexpr GivenName kGivenNames[] = {{"Julián Andrés", false},   {"Luis Fernando", false},
                                     {"Diego Alejandro", false}, {"Carlos Eduardo", false},
                                     {"María José", true},       {"Ana Sofía", true},
                                     {"Karla Daniela", true},    {"Paola Guadalupe", true}};
constexpr const char* kSurnames[] = {"Cárdenas", "Robles", "Villaseñor", "Ortega",  "Márquez",
                                     "Salgado",  "Ibarra", "Zamora",     "Treviño", "Castañeda"};
constexpr const char* kStreets[] = {"Calle Volcán Paricutín", "Avenida de los Insurgentes",
                                    "Calle Río Lerma",        "Calle Mariano Escobedo",
                                    "Avenida Revolución",     "Calle Fray Servando"};
constexpr const char* kColonias[] = {"El Colli",    "Centro",      "Jardines del Valle",
                                     "Las Águilas", "Santa María", "Lomas del Sur"};
constexpr const char* kMonthsEn[] = {"January",   "February", "March",    "April",
                                     "May",       "June",     "July",     "August",
                                     "September", "October",  "November", "December"};
constexpr const char* kMonthsEs[] = {"enero",      "febrero", "marzo",     "abril",
                                     "mayo",       "junio",   "julio",     "agosto",
                                     "septiembre", "octubre", "noviembre", "diciembre"};

template <typename T, std::size_t N>
const T& any(Random& random, const T (&items)[N]) {
    return items[random.below(N)];
}

// An entity id from a name: lower-case ASCII letters and digits, words joined by '-', the
// accented letters of Spanish names written without their accent.
std::string slug(std::string_view name) {
    constexpr std::string_view kAccented = "\xA1\xA9\xAD\xB3\xBA\xB1\x81\x89\x8D\x93\x9A\x91";
    constexpr std::string_view kPlain = "aeiounaeioun";
    std::string out;
    for (std::size_t i = 0; i < name.size(); ++i) {
        const char c = name[i];
        if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
            out += c;
        } else if (c >= 'A' && c <= 'Z') {
            out += static_cast<char>(c - 'A' + 'a');
        } else if (c == ' ' && !out.empty() && out.back() != '-') {
            out += '-';
        } else if (c == '\xC3' && i + 1 < name.size()) {
            const auto at = kAccented.find(name[++i]);
            if (at != std::string_view::npos) out += kPlain[at];
        }
    }
    return out;
}

// The first consonant after the first letter, as a CURP takes it.
char inner_consonant(std::string_view word) {
    for (std::size_t i = 1; i < word.size(); ++i) {
        const char c = word[i];
        if (c >= 'a' && c <= 'z' && std::string_view("aeiou").find(c) == std::string_view::npos)
            return static_cast<char>(c - 'a' + 'A');
    }
    return 'X';
}

char first_vowel(std::string_view word) {
    for (std::size_t i = 1; i < word.size(); ++i)
        if (std::string_view("aeiou").find(word[i]) != std::string_view::npos)
            return static_cast<char>(word[i] - 'a' + 'A');
    return 'X';
}

Person pick_person(Random& random) {
    Person p;
    const GivenName& given = any(random, kGivenNames);
    const char* first_surname = any(random, kSurnames);
    const char* second_surname = first_surname;
    while (second_surname == first_surname) second_surname = any(random, kSurnames);
    p.female = given.female;
    p.full_name = std::string(given.name) + " " + first_surname + " " + second_surname;
    const auto year = random.between(1984, 2001);
    const auto month = random.between(1, 12);
    const auto day = random.between(1, 28);
    p.born = std::to_string(day) + " " + kMonthsEn[month - 1] + " " + std::to_string(year);
    p.born_es = std::to_string(day) + " de " + kMonthsEs[month - 1] + " de " + std::to_string(year);
    // CURP: initials, birth date, sex, state (Jalisco), inner consonants, check characters.
    const std::string_view s1(first_surname), s2(second_surname), g(given.name);
    auto two = [](std::int64_t v) {
        std::string digits = std::to_string(v);
        if (v < 10) digits.insert(digits.begin(), '0');
        return digits;
    };
    p.curp = std::string{s1[0], first_vowel(s1), s2[0], g[0]} + two(year % 100) + two(month) +
             two(day) + (given.female ? "M" : "H") + "JC" + inner_consonant(s1) +
             inner_consonant(s2) + inner_consonant(g) + "0" + std::to_string(random.between(1, 9));
    p.street_address = std::string(any(random, kStreets)) + " " +
                       std::to_string(random.between(100, 3999)) + ", Colonia " +
                       any(random, kColonias) + ", Zapopan, Jalisco";
    p.phone = "+52 33 5550 " + std::to_string(random.between(1000, 9999));
    std::string email = slug(given.name);
    email = email.substr(0, email.find('-'));
    p.email = email + "." + slug(first_surname) + two(year % 100) + "@example.mx";
    return p;
}

}  // namespace

CaseNames pick_names(Random& random) {
    CaseNames n;
    const Place& place = any(random, kVictims);
    n.victim = {place.victim_en, place.victim};
    n.city = place.city;
    n.ransomware = any(random, kFamilies);
    std::vector<const char*> names(std::begin(kExchangeNames), std::end(kExchangeNames));
    for (std::size_t i = names.size(); i > 1; --i) std::swap(names[i - 1], names[random.below(i)]);
    for (std::size_t e = 0; e < kExchanges; ++e) {
        const std::string name = names[e];
        n.exchanges[e] = Organisation{
            slug(name), name, {name + " (exchange)", name + " (exchange)"}, kExchangeCountries[e]};
    }
    const std::string bridge = any(random, kBridgeNames);
    n.bridge = Organisation{slug(bridge),
                            bridge,
                            {bridge + " (swap service)", bridge + " (servicio de intercambio)"},
                            "SC"};
    for (std::size_t m = 0; m < kMerchants; ++m) {
        const Shop& shop = kShops[m];
        n.merchants[m] = Organisation{slug(shop.brand),
                                      shop.brand,
                                      {std::string(shop.brand) + " (" + shop.what_en + ")",
                                       std::string(shop.brand) + " (" + shop.what_es + ")"},
                                      "MX"};
    }
    n.affiliate = pick_person(random);
    n.account_number = std::to_string(random.between(10, 99)) + "-" +
                       std::to_string(random.between(100, 999)) + "-" +
                       std::to_string(random.between(1000, 9999));
    return n;
}

}  // namespace mt::generate
