from tests.attribution.util import by_cue, run


def test_theo_and_cho_biet_pronoun():
    _, found = run(
        [
            "Theo hãng tin Reuters, Bộ trưởng Nội vụ tuyên bố rằng biên giới vẫn mở cửa.",
            "Ông cho biết việc kiểm soát sẽ tăng.",
        ],
        "vi",
    )
    assert by_cue(found, "Theo")["speaker"] == "hãng tin Reuters"
    assert by_cue(found, "tuyên bố")["content"] == "biên giới vẫn mở cửa"
    assert by_cue(found, "cho biết")["speaker"] == "Ông"


def test_theo_as_ordinary_word_is_not_a_cue():
    _, found = run(["Đoàn xe chạy theo đường cao tốc về phía nam."], "vi")
    assert found == []


def test_anonymous():
    _, found = run(
        ["Một nguồn tin thân cận cho biết hai bên đã gần đạt thỏa thuận."], "vi"
    )
    assert by_cue(found, "cho biết")["anonymous"]


def test_diplomats_familiar_with_the_talks_are_anonymous():
    _, found = run(["Hai nhà ngoại giao nắm rõ cuộc đàm phán cho biết thỏa thuận đã gần đạt được."], "vi")
    assert by_cue(found, "cho biết")["anonymous"]


def test_plan_and_article_nouns_are_no_cues():
    _, found = run(
        [
            "Theo kế hoạch, cây cầu sẽ thông xe vào tháng sau.",
            "Bài đăng này nhận được 3.500 lượt thích.",
            "Theo Sở Giao thông, cây cầu đã an toàn.",
        ],
        "vi",
    )
    assert [a["speaker"] for a in found] == ["Sở Giao thông"]


def test_listed_verb_after_a_determiner_is_a_noun():
    _, found = run(["Một cảnh báo lan truyền trên mạng xã hội khiến nhiều người lo lắng."], "vi")
    assert not any(a["cue"] == "cảnh báo" for a in found)


def test_no_subject_follows_a_vietnamese_reporting_verb():
    _, found = run(['"Nước lên rất nhanh," ông Phạm Văn Minh, trưởng thôn, nói với phóng viên tại nhà văn hóa.',
                    'Một người bán cá, không muốn nêu tên, nói chị "sẽ chờ thêm vài ngày".'], "vi")
    assert [a["speaker"] for a in found if a["cue"] == "nói"] == [
        "ông Phạm Văn Minh, trưởng thôn", "Một người bán cá, không muốn nêu tên"]


def test_compound_nouns_holding_a_cue_word_are_no_cues():
    _, found = run(["Một tin nhắn lạ được gửi tới nhiều phụ huynh trong tuần qua."], "vi")
    assert not found
    _, found = run(["Cơ quan khí tượng đã nâng mức cảnh báo lên cấp cao nhất."], "vi")
    assert not found


def test_ghi_before_a_quotation_reports_what_is_written():
    _, found = run(['Tấm biển ghi "Cấm câu cá" nhưng không ai để ý.'], "vi")
    assert by_cue(found, "ghi")["content"] == "Cấm câu cá"
    _, found = run(["Đội khách ghi ba bàn trong hiệp hai."], "vi")
    assert not found


def test_theo_meaning_by_or_under_is_no_source():
    _, found = run(["Kết quả được công bố theo từng phường, theo pháp luật hiện hành."], "vi")
    assert not [a for a in found if a["cue"].lower() == "theo"]


def test_weak_verb_after_a_quotation_and_its_speaker_past_a_closing_adverbial():
    _, found = run(['"Nhà máy sẽ mở thêm một dây chuyền," ông Lê Văn Nam, Giám đốc công ty, phát biểu tại buổi lễ.'], "vi")
    assert by_cue(found, "phát biểu")["content"].startswith("Nhà máy sẽ mở thêm")
