"""The **LRC Toolbox** shelf button and menu item. Running it again changes nothing.

Maya saves shelves into the user's prefs when it quits and loads them at the next start, before
``userSetup.py``'s deferred call adds the button again: so the button is found by its ``docTag`` (or
its label, for a shelf saved by an older Maya) and updated in place, never duplicated. The menu is
rebuilt from scratch each time. Both only call :func:`lrc_toolbox.maya.show_batch_render_dialog`.
"""

from __future__ import annotations

from lrc_toolbox.maya import host

#: The shelf tab (Maya shelf names cannot hold spaces).
SHELF_NAME = "LRC_Toolbox"
BUTTON_LABEL = "Batch Render"
#: Identifies our button among the shelf's buttons.
BUTTON_DOC_TAG = "lrc_toolbox_batch_render"
#: One of Maya's own icons, so nothing has to be installed for it.
BUTTON_ICON = "render.png"
BUTTON_ANNOTATION = "LRC Toolbox Batch Render: render layers on several GPUs at once"
MENU_NAME = "lrcToolboxMenu"
MENU_LABEL = "LRC Toolbox"
MENU_ITEM_LABEL = "Batch Render..."
#: What the button and the menu item run (Python; no logic here, CONVENTIONS item 1).
COMMAND = "import lrc_toolbox.maya\nlrc_toolbox.maya.show_batch_render_dialog()"


def install_shelf() -> str:
    """Add the shelf tab and its button, or update the button that is already there.

    Returns:
        The button's name.
    """
    cmds = host.maya_cmds
    top = host.maya_mel.eval("$tmp=$gShelfTopLevel")
    if not cmds.shelfLayout(SHELF_NAME, exists=True):
        cmds.shelfLayout(SHELF_NAME, parent=top)
    existing = _our_buttons()
    if existing:
        for extra in existing[1:]:  # duplicates left by an older version: keep one
            cmds.deleteUI(extra)
        cmds.shelfButton(
            existing[0],
            edit=True,
            label=BUTTON_LABEL,
            annotation=BUTTON_ANNOTATION,
            image1=BUTTON_ICON,
            imageOverlayLabel="LRC",
            command=COMMAND,
            sourceType="python",
            docTag=BUTTON_DOC_TAG,
        )
        return existing[0]
    return str(
        cmds.shelfButton(
            parent=SHELF_NAME,
            label=BUTTON_LABEL,
            annotation=BUTTON_ANNOTATION,
            image1=BUTTON_ICON,
            imageOverlayLabel="LRC",
            command=COMMAND,
            sourceType="python",
            docTag=BUTTON_DOC_TAG,
        )
    )


def _our_buttons() -> list[str]:
    cmds = host.maya_cmds
    found = []
    for child in host.as_strings(cmds.shelfLayout(SHELF_NAME, query=True, childArray=True)):
        if not cmds.shelfButton(child, exists=True):
            continue  # a separator
        tag = cmds.shelfButton(child, query=True, docTag=True)
        if tag == BUTTON_DOC_TAG or cmds.shelfButton(child, query=True, label=True) == BUTTON_LABEL:
            found.append(str(child))
    return found


def install_menu() -> str:
    """(Re)build the **LRC Toolbox** menu in Maya's main menu bar.

    Returns:
        The menu's name.
    """
    cmds = host.maya_cmds
    if cmds.menu(MENU_NAME, exists=True):
        cmds.deleteUI(MENU_NAME)
    main_window = host.maya_mel.eval("$tmp=$gMainWindow")
    menu = cmds.menu(MENU_NAME, label=MENU_LABEL, parent=main_window, tearOff=True)
    cmds.menuItem(
        label=MENU_ITEM_LABEL,
        annotation=BUTTON_ANNOTATION,
        command=COMMAND,
        sourceType="python",
        parent=menu,
    )
    return str(menu)


def install_ui() -> bool:
    """Add the shelf button and the menu (nothing in batch mode, where there is no UI).

    Returns:
        True when they were added.
    """
    if host.is_batch():
        return False
    install_shelf()
    install_menu()
    return True


def remove_ui() -> None:
    """Remove the menu and the shelf tab (used before an uninstall)."""
    cmds = host.maya_cmds
    if cmds.menu(MENU_NAME, exists=True):
        cmds.deleteUI(MENU_NAME)
    if cmds.shelfLayout(SHELF_NAME, exists=True):
        cmds.deleteUI(SHELF_NAME)
