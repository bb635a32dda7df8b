"""Help → About shows the version, the data folder and the database in use."""

from indicite import __version__
from indicite.paths import data_dir
from indicite.ui.about_dialog import AboutDialog


def test_about_shows_version_data_folder_and_database(qtbot, db_path):
    dialog = AboutDialog(db_path)
    qtbot.addWidget(dialog)
    dialog.show()
    shown = [dialog.form.itemAt(i).widget() for i in range(dialog.form.count())]
    texts = [w.text() for w in shown if w is not None]
    assert __version__ in texts
    assert str(data_dir()) in texts
    assert str(db_path) in texts
    assert "Database:" in texts
