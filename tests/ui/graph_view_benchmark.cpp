// CPU time to build one frame of the investigator interface (no GL) for funds graphs of growing
// size, zoomed to fit (level of detail: straight arrows, no labels) and zoomed in (culling).
// Prints numbers; asserts nothing. Run: graph_view_benchmark [frames]
#include <chrono>
#include <cstdio>
#include <cstdlib>

#include <imgui.h>

#include "sample_casefile.hpp"
#include "ui/investigator_ui.hpp"

namespace {

class FixedHost : public mt::ui::UiHost {
  public:
    explicit FixedHost(mt::Casefile c) : casefile_(std::move(c)) {}
    const mt::Casefile* casefile() const override { return &casefile_; }
    const std::vector<mt::ui::CaseChoice>& cases() const override { return none_; }
    const mt::ui::CaseLoadFailure* load_failure() const override { return nullptr; }
    void emit(const mt::Action&) override {}
    mt::SimSeconds cost_of(const mt::Action&) const override { return 0; }
    void open_case(const std::string&, mt::ui::OpenMode) override {}
    void close_case() override {}
    void request_quit() override {}

  private:
    mt::Casefile casefile_;
    std::vector<mt::ui::CaseChoice> none_;
};

double milliseconds_per_frame(mt::ui::InvestigatorUi& view, FixedHost& host, int frames) {
    const auto start = std::chrono::steady_clock::now();
    for (int i = 0; i < frames; ++i) {
        ImGui::NewFrame();
        view.draw(host);
        ImGui::Render();
    }
    const std::chrono::duration<double, std::milli> spent =
        std::chrono::steady_clock::now() - start;
    return spent.count() / frames;
}

}  // namespace

int main(int argc, char** argv) {
    const int frames = argc > 1 ? std::max(1, std::atoi(argv[1])) : 20;
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;
    io.DisplaySize = ImVec2(1600, 900);
    io.DeltaTime = 1.0f / 60.0f;
    io.BackendFlags |= ImGuiBackendFlags_RendererHasVtxOffset;
    io.Fonts->AddFontDefault();
    unsigned char* pixels = nullptr;
    int w = 0, h = 0;
    io.Fonts->GetTexDataAsRGBA32(&pixels, &w, &h);

    std::printf("%10s %10s %14s %14s %12s\n", "addresses", "arrows", "fit ms/frame",
                "zoom ms/frame", "vertices");
    const int sizes[][2] = {{10, 10}, {20, 50}, {40, 100}, {100, 200}};
    for (const auto& size : sizes) {
        FixedHost host(mt::test::large_casefile(size[0], size[1]));
        mt::ui::InvestigatorUi view;
        // The first frame builds the graph and its layout; time it separately.
        const double first = milliseconds_per_frame(view, host, 1);
        const double fit = milliseconds_per_frame(view, host, frames);
        const int fit_vertices = ImGui::GetDrawData()->TotalVtxCount;
        view.state().graph.camera.zoom = 1.0f;
        const double zoomed = milliseconds_per_frame(view, host, frames);
        std::printf("%10zu %10zu %14.2f %14.2f %12d   (first frame with layout: %.1f ms)\n",
                    view.funds_graph().nodes.size(), view.funds_graph().edges.size(), fit, zoomed,
                    fit_vertices, first);
    }
    ImGui::DestroyContext();
    return 0;
}
