"""Scene texts and helpers shared by the ``lrc_toolbox.scene`` tests (verbatim Maya syntax).

See ``shared/reference/maya-render-facts.md`` section 5 for where the shapes come from.
"""

from __future__ import annotations

from pathlib import Path

from lrc_test_support import SAMPLE_SCENE

EXAMPLE_SCENE = SAMPLE_SCENE

LEGACY_ONLY = """//Maya ASCII 2016 scene
//Name: legacy.ma
//Codeset: 1252
requires maya "2016";
currentUnit -l centimeter -a degree -t pal;
createNode transform -n "pCube1";
createNode mesh -n "pCubeShape1" -p "pCube1";
	setAttr ".rndr" yes;
	setAttr -s 8 ".vt[0:7]"  -0.5 -0.5 0.5 0.5 -0.5 0.5 -0.5 0.5 0.5 0.5 0.5 0.5
		 -0.5 0.5 -0.5 0.5 0.5 -0.5 -0.5 -0.5 -0.5 0.5 -0.5 -0.5;
createNode renderLayerManager -n "renderLayerManager";
	setAttr ".crl" 2;
	setAttr -s 3 ".rlmi[1:2]"  1 2;
	setAttr -s 3 ".rlmi";
createNode renderLayer -n "defaultRenderLayer";
	setAttr ".g" yes;
createNode renderLayer -n "char";
	setAttr ".rndr" no;
	setAttr ".do" 2;
createNode renderLayer -n "bg";
	setAttr ".do" 1;
select -ne :defaultRenderGlobals;
	setAttr ".ren" -type "string" "mayaSoftware";
	setAttr -k on ".fs";
	setAttr ".fs" 101;
	setAttr ".ef" 148;
	setAttr -av -k on ".bfs" 2;
	setAttr ".an" yes;
	setAttr ".outf" 32;
connectAttr "renderLayerManager.rlmi[0]" "defaultRenderLayer.rlid";
connectAttr "renderLayerManager.rlmi[1]" "char.rlid";
connectAttr "renderLayerManager.rlmi[2]" "bg.rlid";
// End of legacy.ma
"""  # noqa: E101 - Maya continuation lines start with tabs then a space

REFERENCED = """//Maya ASCII 2022 scene
requires maya "2022";
requires -nodeType "aiOptions" -nodeType "aiAOVDriver" -nodeType "aiAOVFilter" "mtoa" "5.0.0.4";
file -r -ns "env" -dr 1 -rfn "envRN" -op "v=0;" -typ "mayaAscii" "/proj/assets/env.ma";
createNode renderLayerManager -n "renderLayerManager";
createNode renderLayer -n "defaultRenderLayer";
	setAttr ".g" yes;
createNode renderLayer -n "hero";
	setAttr ".do" 1;
select -ne :defaultRenderGlobals;
	setAttr ".ren" -type "string" "arnold";
	setAttr ".imfkey" -type "string" "exr";
setAttr "env:trees.rndr" no;
setAttr "env:trees.do" 2;
connectAttr "renderLayerManager.rlmi[0]" "defaultRenderLayer.rlid";
connectAttr "renderLayerManager.rlmi[1]" "hero.rlid";
connectAttr "renderLayerManager.rlmi[2]" "env:trees.rlid";
"""

# Render Setup with per-layer overrides (shape of deadline-cloud-for-maya's layers.ma).
OVERRIDES = """//Maya ASCII 2023 scene
requires maya "2023";
requires -nodeType "simpleSelector" -nodeType "renderSetupLayer" -nodeType "renderSetup"
		 -nodeType "collection" -nodeType "absUniqueOverride" -nodeType "relUniqueOverride"
		 "renderSetup.py" "1.0";
currentUnit -l centimeter -a degree -t film;
createNode renderLayer -n "defaultRenderLayer";
	rename -uid "5F81223C-4C71-1E4E-F11C-4DB627225CCD";
	setAttr ".g" yes;
createNode renderSetup -n "renderSetup";
createNode renderSetupLayer -n "layerFrameRange1";
	addAttr -ci true -sn "es" -ln "expandedState" -min 0 -max 1 -at "bool";
createNode renderLayer -n "rs_layerFrameRange1";
	setAttr ".do" 1;
createNode absUniqueOverride -n "endFrame1";
	addAttr -ci true -sn "atv" -ln "attrValue" -at "time";
	setAttr ".atr" -type "string" "endFrame";
	setAttr ".tgName" -type "string" "defaultRenderGlobals";
	setAttr ".atv" 30;
createNode relUniqueOverride -n "startFrame2";
	setAttr ".atr" -type "string" "startFrame";
	setAttr ".tgName" -type "string" "defaultRenderGlobals";
	setAttr ".mul" 1;
	setAttr ".ofs" 4;
createNode absUniqueOverride -n "currentRenderer1";
	setAttr ".atr" -type "string" "currentRenderer";
	setAttr ".tgName" -type "string" "defaultRenderGlobals";
	setAttr ".atv" -type "string" "mayaSoftware";
select -ne :defaultRenderGlobals;
	setAttr ".ren" -type "string" "arnold";
	setAttr ".an" yes;
	setAttr ".imfkey" -type "string" "exr";
	setAttr ".ifp" -type "string" "";
connectAttr "renderLayerManager.rlmi[0]" "defaultRenderLayer.rlid";
connectAttr "layerFrameRange1.msg" "renderSetup.frl";
connectAttr "layerFrameRange1.msg" "renderSetup.lrl";
connectAttr "rs_layerFrameRange1.msg" "layerFrameRange1.lrl";
connectAttr "renderLayerManager.rlmi[1]" "rs_layerFrameRange1.rlid";
// End of overrides.ma
"""  # noqa: E101 - Maya continuation lines start with tabs then a space

# Comments, ';' and '\\"' inside strings, a fake layer inside a script string, wrapped lines,
# a long string split with ( + ), and a lone '/' outside strings.
TRICKY = r"""//Maya ASCII 2024 scene
//Name: tricky.ma
requires maya "2024";
// createNode renderLayer -n "commentedOut";
createNode script -n "uiConfigurationScriptNode";
	setAttr ".b" -type "string" (
		"// Maya Mel UI Configuration File.\n//\ncreateNode renderLayer -n \"ghost\";\n"
		+ "if (\"\" != $panelName) { modelPanel -edit -l (localizedPanelLabel(\"Persp View\")) $panelName; }\n");
	setAttr ".st" 3;
createNode renderLayer
		 -n "wrapped";  // trailing comment; with a semicolon
	setAttr ".do"
		 3;
createNode transform -n "ratio"; setAttr ".sx" 1 / 2;
createNode renderLayer -n "quoted";
	setAttr ".rndr"
		no;
select -ne :defaultRenderGlobals;
	setAttr ".ren" -type "string"
		 "redshift";
	setAttr ".ifp" -type "string" (
		"shots/<Scene>;v\"2\"//"
		+ "<RenderLayer>\\beauty");
	setAttr ".imfkey" -type "string" "png";
	setAttr ".ef" 12.5;
connectAttr "renderLayerManager.rlmi[0]" "defaultRenderLayer.rlid";
connectAttr "renderLayerManager.rlmi[1]"
		 "wrapped.rlid";
connectAttr "renderLayerManager.rlmi[2]" "quoted.rlid";  // "ghost.rlid";
// End of tricky.ma
"""  # noqa: E101 - Maya continuation lines start with tabs then a space

NO_GLOBALS = """//Maya ASCII 2024 scene
//Name: bare.ma
requires maya "2024";
createNode transform -n "pSphere1";
createNode mesh -n "pSphereShape1" -p "pSphere1";
	setAttr -k off ".v";
// End of bare.ma
"""

RS_WITH_LEGACY = """//Maya ASCII 2020 scene
requires maya "2020";
createNode renderLayer -n "defaultRenderLayer";
	setAttr ".g" yes;
createNode renderSetup -n "renderSetup";
createNode renderSetupLayer -n "beauty";
createNode renderLayer -n "rs_beauty";
	setAttr ".do" 1;
createNode renderSetupLayer -n "orphan";
createNode renderLayer -n "oldLegacy";
	setAttr ".do" 2;
connectAttr "rs_beauty.msg" "beauty.lrl";
connectAttr "renderLayerManager.rlmi[1]" "rs_beauty.rlid";
connectAttr "renderLayerManager.rlmi[2]" "oldLegacy.rlid";
"""

FOR4_HEADER = b"FOR4\x00\x00\x00\x40Maya" + b"FOR4\x00\x00\x00\x20HEADVERS\x00\x00\x00\x042024"


def write(tmp_path: Path, name: str, text: str | bytes) -> Path:
    path = tmp_path / name
    if isinstance(text, str):
        path.write_text(text, encoding="utf-8", newline="\n")
    else:
        path.write_bytes(text)
    return path


# defaultRenderLayer has no createNode block, a referenced layer exists only through its
# manager connection, a later absolute setAttr re-enables a layer, and the file ends in a
# comment without a final newline.
IMPLICIT_LAYERS = """//Maya ASCII 2024 scene
requires maya "2024";
createNode renderLayer -n "fg";
	setAttr ".do" 1;
createNode renderLayer -n "bg";
	setAttr ".rndr" no;
	setAttr ".do" 2;
setAttr "bg.rndr" yes;
select -ne :defaultRenderGlobals;
	setAttr ".ren" -type "string" "arnold";
connectAttr "renderLayerManager.rlmi[0]" "defaultRenderLayer.rlid";
connectAttr "renderLayerManager.rlmi[1]" "fg.rlid";
connectAttr "renderLayerManager.rlmi[2]" "bg.rlid";
connectAttr "renderLayerManager.rlmi[3]" "env:trees.rlid";
// End of implicit.ma"""
