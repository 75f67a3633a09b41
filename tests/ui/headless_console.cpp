#include "headless_console.hpp"

#include <catch2/catch.hpp>

#include "headless_ui.hpp"

namespace mt::test {

HeadlessConsole::HeadlessConsole(float width, float height) {
    context_ = create_headless_context(width, height);
    view.item_probe().enabled = true;
}

HeadlessConsole::~HeadlessConsole() {
    ImGui::DestroyContext(context_);
}

void HeadlessConsole::frame() {
    ImGui::NewFrame();
    view.draw(model, sent);
    ImGui::Render();
}

void HeadlessConsole::frames(int count) {
    for (int i = 0; i < count; ++i) frame();
}

bool HeadlessConsole::drawn(const std::string& key) const {
    return view.item_probe().find(key).has_value();
}

void HeadlessConsole::click(const std::string& key) {
    frame();
    const auto rect = view.item_probe().find(key);
    INFO("probe key: " << key);
    REQUIRE(rect);
    ImGuiIO& io = ImGui::GetIO();
    io.MousePos = ImVec2(rect->center_x(), rect->center_y());
    frame();
    io.MouseDown[0] = true;
    frame();
    io.MouseDown[0] = false;
    frame();
}

void HeadlessConsole::type(const char* utf8) {
    ImGui::GetIO().AddInputCharactersUTF8(utf8);
    frame();
}

ui::ConsoleModel room_of_35(const std::string& state) {
    static const char* const kNames[] = {"María Fernanda Gutiérrez Ochoa",
                                         "José Luis Hernández Ramírez",
                                         "Ana Sofía Martínez",
                                         "Carlos Alberto Sánchez Pérez",
                                         "Guadalupe Torres Villanueva",
                                         "Juan Pablo Rodríguez",
                                         "Alejandra Castillo Moreno",
                                         "Francisco Javier López",
                                         "Verónica Ruiz Domínguez",
                                         "Miguel Ángel Flores Cruz",
                                         "Daniela Vázquez Jiménez",
                                         "Roberto Carlos Morales",
                                         "Patricia Mendoza Aguilar",
                                         "Luis Enrique Ortiz Medina",
                                         "Claudia Ivonne Reyes",
                                         "Eduardo Gómez Castro",
                                         "Mariana Herrera Núñez",
                                         "Jorge Armando Díaz Rojas",
                                         "Lucía Ramos Salazar",
                                         "Ricardo Chávez Guerrero",
                                         "Adriana Romero Mejía",
                                         "Fernando Álvarez Ríos",
                                         "Gabriela Navarro Cortés",
                                         "Héctor Manuel Vargas",
                                         "Karla Paola Estrada León",
                                         "Óscar Iván Sandoval",
                                         "Rosa Elena Figueroa",
                                         "Arturo Cabrera Montes",
                                         "Silvia Carrillo Ibarra",
                                         "Raúl Andrés Fuentes",
                                         "Beatriz Campos Solís",
                                         "Sergio Iñiguez Valdez",
                                         "Teresa Lara Pacheco",
                                         "Víctor Hugo Espinoza",
                                         "Andrea Zamora Quintero"};
    static const char* const kAgencies[] = {
        "FGR", "UIF", "SSPC", "CNBV", "FGJCDMX", "Policía Cibernética", "SAT"};
    ui::ConsoleModel m;
    m.server = "192.168.1.23:8642";
    m.browser_url = "http://192.168.1.23:8642/";
    // The size of the address's real code; the view draws whatever modules it is given.
    m.browser_qr = {25, std::vector<std::uint8_t>(25 * 25, 0)};
    for (std::size_t i = 0; i < m.browser_qr.dark.size(); i += 3) m.browser_qr.dark[i] = 1;
    m.state = state;
    m.join_code = "K7XM3Q";
    m.case_title = {"Ransomware peel chain", "Cadena de pelado de ransomware"};
    const bool started = state != "lobby";
    for (std::size_t i = 0; i < std::size(kNames); ++i) {
        ui::ConsoleTrainee t;
        t.name = kNames[i];
        t.agency = kAgencies[i % std::size(kAgencies)];
        t.actions = started ? 3 + (i * 7) % 40 : 0;
        t.sim_time = started ? std::to_string(i % 3) + "d " + std::to_string(i % 24) + "h" : "0m";
        t.sim_seconds = started ? static_cast<std::int64_t>(i % 3) * 86400 : 0;
        t.submitted = state == "ended" ? i % 5 != 0 : started && i % 6 == 0;
        t.objectives_total = 4;
        t.objectives_met = started ? static_cast<int>(i % 5) : 0;
        t.max = 100;
        t.total = started ? static_cast<int>((i * 37) % 101) : 0;
        t.idle_seconds = i % 9 == 4 ? 900 : static_cast<std::int64_t>(5 + i * 11 % 200);
        m.trainees.push_back(t);
        m.leaderboard.push_back(
            {static_cast<int>(i + 1), t.name, t.agency, t.total, t.max, t.total, t.submitted});
    }
    m.checkpoints = {
        {"hop1-change", {"Which output is change?", "¿Qué salida es el cambio?"}, 30, 26, 18},
        {"first-service",
         {"Which service received the funds first?", "¿Qué servicio recibió primero los fondos?"},
         22,
         20,
         9}};
    m.objectives = {
        {"trace", {"Trace the funds to the exchange", "Rastrear los fondos al exchange"}, 40, 21},
        {"freeze", {"Freeze the deposit in time", "Congelar el depósito a tiempo"}, 30, 12}};
    m.penalised = {{"uninvolved_request", "subpoena to Offshorex", 3, 2}};
    return m;
}

}  // namespace mt::test
